using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// Reads the <c>when</c> object of the JSON rule-set format (the shape <see cref="ConditionJsonWriter"/> writes): a leaf
/// (<c>field</c>, <c>op</c>, and what the operator uses) or exactly one of <c>all</c>, <c>any</c>, <c>not</c>.
/// </summary>
internal static class ConditionJsonReader
{
    /// <summary>The longest text value accepted, as the schema says (the condition's own check refuses empty values).</summary>
    private const int MaximumValueLength = 1024;

    /// <summary>The JSON properties of a condition object.</summary>
    public static readonly ImmutableArray<string> Properties = ["field", "key", "op", "value", "values", "min", "max", "all", "any", "not"];

    /// <summary>Reads a condition, reporting every problem with its path; <see langword="null"/> when one was reported.</summary>
    public static AttributeCondition? Read(ConfigurationElement c, int depth)
    {
        if (depth > AttributeCondition.MaximumDepth)
        {
            c.Report(ConfigurationProblemCodes.TooDeep, string.Create(CultureInfo.InvariantCulture, $"nesting is deeper than {AttributeCondition.MaximumDepth} levels"));
            return null;
        }

        var before = c.Problems.Count;
        if (!c.ExpectObject(Properties.AsSpan()))
        {
            return null;
        }

        var hasField = c.TryGetProperty("field", out var fieldElement) | c.TryGetProperty("op", out var opElement);
        var hasAll = c.TryGetProperty("all", out var all);
        var hasAny = c.TryGetProperty("any", out var any);
        var hasNot = c.TryGetProperty("not", out var not);
        if ((hasField ? 1 : 0) + (hasAll ? 1 : 0) + (hasAny ? 1 : 0) + (hasNot ? 1 : 0) != 1)
        {
            c.Report(ConfigurationProblemCodes.Conflict, "must have exactly one of: field (with op), all, any, not");
            return null;
        }

        if (hasAll || hasAny)
        {
            var list = (hasAll ? all : any).GetArray();
            if (list.Count == 0 && c.Problems.Count == before)
            {
                (hasAll ? all : any).Report(ConfigurationProblemCodes.Required, "must hold at least one condition");
            }

            var children = new List<AttributeCondition>(list.Count);
            foreach (var item in list)
            {
                if (Read(item, depth + 1) is { } child)
                {
                    children.Add(child);
                }
            }

            return children.Count == list.Count && list.Count > 0 && c.Problems.Count == before
                ? hasAll ? AttributeCondition.All([.. children]) : AttributeCondition.Any([.. children])
                : null;
        }

        if (hasNot)
        {
            return Read(not, depth + 1) is { } inner ? AttributeCondition.Not(inner) : null;
        }

        return Leaf(c, fieldElement, opElement, before);
    }

    private static AttributeCondition? Leaf(ConfigurationElement c, ConfigurationElement fieldElement, ConfigurationElement opElement, int before)
    {
        var field = LeadField.None;
        if (c.TryGetRequired("field", out _) && fieldElement.GetString(64) is { } fieldName && !LeadFields.TryParse(fieldName, out field))
        {
            fieldElement.Report(ConfigurationProblemCodes.InvalidValue, "must be one of: " + string.Join(", ", LeadFields.Names));
        }

        var op = FieldOperator.Equals;
        if (c.TryGetRequired("op", out _) && opElement.GetString(64) is { } opName && !FieldOperators.TryParse(opName, out op))
        {
            opElement.Report(ConfigurationProblemCodes.InvalidValue, "must be one of: " + string.Join(", ", FieldOperators.Names));
        }

        if (c.Problems.Count != before)
        {
            return null;
        }

        Unused(c, op);
        CustomFieldKey key = default;
        var hasKey = c.TryGetProperty("key", out var keyElement);
        if (field == LeadField.Custom)
        {
            if (!hasKey)
            {
                c.Report("key", ConfigurationProblemCodes.Required, "is required for a custom attribute");
            }
            else if (keyElement.GetString(64) is { } keyText)
            {
                if (CustomFieldKey.TryParse(keyText, out var parsed))
                {
                    key = parsed;
                }
                else
                {
                    keyElement.Report(ConfigurationProblemCodes.InvalidValue, "must be a lower-case machine name (1 to 64 characters of a-z, 0-9, _, -, .)");
                }
            }
        }
        else if (hasKey)
        {
            keyElement.Report(ConfigurationProblemCodes.UnknownProperty, "is used only with the field 'custom'");
        }

        var hasValue = c.TryGetProperty("value", out var valueElement);
        var hasValues = c.TryGetProperty("values", out var valuesElement);
        if (hasValue && hasValues)
        {
            valueElement.Report(ConfigurationProblemCodes.Conflict, "must not be given together with values");
        }

        var min = c.TryGetProperty("min", out var minElement) ? minElement.GetNumber() : null;
        var max = c.TryGetProperty("max", out var maxElement) ? maxElement.GetNumber() : null;
        var values = ImmutableArray<string>.Empty;
        if (hasValue)
        {
            switch (valueElement.Value.ValueKind)
            {
                case JsonValueKind.String:
                    values = [valueElement.GetString(MaximumValueLength, allowBlank: true) ?? string.Empty];
                    break;
                case JsonValueKind.Number when valueElement.Value.TryGetDouble(out var number) && double.IsFinite(number) && min is null:
                    min = number;
                    break;
                default:
                    valueElement.Report(ConfigurationProblemCodes.WrongType, "must be a string, or a finite number when min is not given");
                    break;
            }
        }
        else if (hasValues)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var item in valuesElement.GetArray())
            {
                if (item.GetString(MaximumValueLength, allowBlank: true) is { } text)
                {
                    builder.Add(text);
                }
            }

            values = builder.ToImmutable();
        }

        return c.Problems.Count == before ? AttributeCondition.Create(field, op, values, min, max, key) : null;
    }

    /// <summary>Refuses the parts of a leaf condition that its operator does not use, which would otherwise be ignored.</summary>
    private static void Unused(ConfigurationElement c, FieldOperator op)
    {
        var (value, values, min, max) = op switch
        {
            FieldOperator.Equals => (true, true, true, false),
            FieldOperator.NotEquals => (true, true, false, false),
            FieldOperator.In or FieldOperator.NotIn or FieldOperator.StartsWith or FieldOperator.EndsWith or FieldOperator.Contains => (false, true, false, false),
            FieldOperator.AtLeast => (false, false, true, false),
            FieldOperator.AtMost => (false, false, false, true),
            FieldOperator.Between => (false, false, true, true),
            _ => (false, false, false, false),
        };
        var name = FieldOperators.NameOf(op);
        void Check(bool used, string property)
        {
            if (!used && c.TryGetProperty(property, out var element))
            {
                element.Report(ConfigurationProblemCodes.UnknownProperty, $"is not used by '{name}'");
            }
        }

        Check(value, "value");
        Check(values, "values");
        Check(min, "min");
        Check(max, "max");
        var textValue = c.TryGetProperty("value", out var v) && v.Value.ValueKind == JsonValueKind.String;
        if (op == FieldOperator.Equals && c.TryGetProperty("min", out var m) && (c.TryGetProperty("values", out _) || textValue))
        {
            m.Report(ConfigurationProblemCodes.Conflict, "is not used by 'equals' with a text value");
        }

        if (op == FieldOperator.NotEquals && c.TryGetProperty("value", out var ne) && ne.Value.ValueKind != JsonValueKind.String)
        {
            ne.Report(ConfigurationProblemCodes.WrongType, "must be a string for 'notEquals'");
        }
    }
}
