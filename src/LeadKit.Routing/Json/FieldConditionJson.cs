using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Routing.Json;

/// <summary>
/// Reads a <c>when</c> object in the shape scoring rule sets use: a leaf <c>{"field", "key", "op", "value" | "values",
/// "min", "max"}</c> or one of <c>{"all": [...]}</c>, <c>{"any": [...]}</c>, <c>{"not": {...}}</c>. It reports the
/// document's shape (unknown properties, wrong types, unknown field or operator names); the operands are checked by
/// <see cref="FieldCondition.Validate"/> when the plan is built, at the same path.
/// </summary>
internal static class FieldConditionJson
{
    public static FieldCondition? Read(ConfigurationElement element, int depth)
    {
        if (!element.ExpectObject("field", "key", "op", "value", "values", "min", "max", "all", "any", "not"))
        {
            return null;
        }

        if (depth > FieldCondition.MaximumDepth)
        {
            element.Report(ConfigurationProblemCodes.TooDeep, string.Create(CultureInfo.InvariantCulture, $"nesting is deeper than {FieldCondition.MaximumDepth} levels"));
            return null;
        }

        var hasAll = element.TryGetProperty("all", out var all);
        var hasAny = element.TryGetProperty("any", out var any);
        var hasNot = element.TryGetProperty("not", out var not);
        var isLeaf = element.TryGetProperty("field", out _) || element.TryGetProperty("op", out _);
        if ((isLeaf ? 1 : 0) + (hasAll ? 1 : 0) + (hasAny ? 1 : 0) + (hasNot ? 1 : 0) != 1)
        {
            element.Report(ConfigurationProblemCodes.Conflict, "must have exactly one of: field (with op), all, any, not");
            return null;
        }

        if (hasAll || hasAny)
        {
            var list = (hasAll ? all : any).GetArray(RoutingPlanBuilderExtensions.MaximumConditionValues);
            var children = new FieldCondition[list.Count];
            var complete = true;
            for (var i = 0; i < list.Count; i++)
            {
                var child = Read(list[i], depth + 1);
                complete &= child is not null;
                children[i] = child!;
            }

            if (list.Count == 0 && (hasAll ? all : any).Value.ValueKind == JsonValueKind.Array)
            {
                (hasAll ? all : any).Report(ConfigurationProblemCodes.Required, "must hold at least one condition");
                return null;
            }

            return !complete || list.Count == 0 ? null : hasAll ? FieldCondition.All(children) : FieldCondition.Any(children);
        }

        if (hasNot)
        {
            return Read(not, depth + 1) is { } inner ? FieldCondition.Not(inner) : null;
        }

        return ReadLeaf(element);
    }

    private static FieldCondition? ReadLeaf(ConfigurationElement element)
    {
        var before = element.Problems.Count;
        var field = LeadField.None;
        if (element.TryGetRequired("field", out var fieldElement) && fieldElement.GetString() is { } fieldName && !LeadFields.TryParse(fieldName, out field))
        {
            fieldElement.Report(ConfigurationProblemCodes.InvalidValue, "must be one of: " + string.Join(", ", LeadFields.Names));
        }

        var op = FieldOperator.None;
        if (element.TryGetRequired("op", out var opElement) && opElement.GetString() is { } opName && !FieldOperators.TryParse(opName, out op))
        {
            opElement.Report(ConfigurationProblemCodes.InvalidValue, "must be one of: " + string.Join(", ", FieldOperators.Names));
        }

        CustomFieldKey key = default;
        var hasKey = element.TryGetProperty("key", out var keyElement);
        if (field == LeadField.Custom)
        {
            if (element.TryGetRequired("key", out keyElement) && keyElement.GetString(128) is { } text)
            {
                try
                {
                    key = new CustomFieldKey(text);
                }
                catch (ArgumentException)
                {
                    // The type's message may quote the key; the rule is enough.
                    keyElement.Report(ConfigurationProblemCodes.InvalidValue, "must be a custom field key: a lower-case machine name (a-z, 0-9, _, -, .)");
                }
            }
        }
        else if (hasKey)
        {
            keyElement.Report(ConfigurationProblemCodes.UnknownProperty, "is used only with the field 'custom'");
        }

        var values = ImmutableArray<string>.Empty;
        double? min = null;
        if (element.TryGetProperty("min", out var minElement))
        {
            min = minElement.GetNumber();
        }

        if (element.TryGetProperty("value", out var value))
        {
            if (element.TryGetProperty("values", out _))
            {
                value.Report(ConfigurationProblemCodes.Conflict, "must not be given together with values");
            }
            else if (value.Value.ValueKind == JsonValueKind.String)
            {
                // Blank and unknown named values are FieldCondition.Validate's to report, at the same path.
                values = value.GetString(CustomFieldValue.MaximumTextLength, allowBlank: true) is { } text ? [text] : [];
            }
            else if (value.Value.ValueKind == JsonValueKind.Number && min is null)
            {
                min = value.GetNumber();
            }
            else
            {
                value.Report(ConfigurationProblemCodes.WrongType, "must be a string, or a finite number when min is not given");
            }
        }
        else if (element.TryGetProperty("values", out var list))
        {
            var items = list.GetArray(RoutingPlanBuilderExtensions.MaximumConditionValues);
            var builder = ImmutableArray.CreateBuilder<string>(items.Count);
            foreach (var item in items)
            {
                if (item.GetString(CustomFieldValue.MaximumTextLength, allowBlank: true) is { } text)
                {
                    builder.Add(text);
                }
            }

            values = builder.ToImmutable();
        }

        double? max = element.TryGetProperty("max", out var maxElement) ? maxElement.GetNumber() : null;
        return element.Problems.Count == before ? FieldCondition.Create(field, op, values, min, max, key) : null;
    }
}
