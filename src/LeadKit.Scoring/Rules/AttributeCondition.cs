using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// A test on a lead's fields: a closed set of <see cref="ConditionOperator"/>s over a closed set of
/// <see cref="LeadField"/>s and typed custom attributes, combinable with <c>All</c>, <c>Any</c> and <c>Not</c>.
/// Data only: no expressions, no reflection, no regular expressions. Immutable and thread-safe; evaluating it
/// does not allocate.
/// </summary>
/// <remarks>Invalid conditions (wrong operator for the field's type, missing values, too deep) are reported by <c>Build()</c>.</remarks>
public sealed class AttributeCondition
{
    /// <summary>The deepest nesting of <c>All</c> / <c>Any</c> / <c>Not</c> accepted.</summary>
    public const int MaximumDepth = 8;

    private readonly int[] _enumValues;

    // Contains over several keywords is one vectorized, non-backtracking keyword search.
    private readonly KeywordSearch? _containsAny;

    private AttributeCondition(LeadField field, CustomFieldKey customKey, ConditionOperator op, ImmutableArray<string> values, double? min, double? max, ImmutableArray<AttributeCondition> conditions)
    {
        Field = field;
        CustomKey = customKey;
        Operator = op;
        Values = values.IsDefault ? [] : values;
        Min = min;
        Max = max;
        Conditions = conditions.IsDefault ? [] : conditions;
        _enumValues = ParseEnumValues(field, Values);
        if (op == ConditionOperator.Contains && Values.Length > 0 && Values.All(v => !string.IsNullOrEmpty(v)))
        {
            _containsAny = new KeywordSearch(Values.AsSpan());
        }

        Compiled = CompiledCondition.Compile(this);
    }

    /// <summary>Gets the field tested (<see cref="LeadField.None"/> for <c>All</c>, <c>Any</c>, <c>Not</c>).</summary>
    public LeadField Field { get; }

    /// <summary>Gets the custom attribute key when <see cref="Field"/> is <see cref="LeadField.Custom"/>.</summary>
    public CustomFieldKey CustomKey { get; }

    /// <summary>Gets the operator.</summary>
    public ConditionOperator Operator { get; }

    /// <summary>Gets the text or named values compared with.</summary>
    public ImmutableArray<string> Values { get; }

    /// <summary>Gets the lower bound (or the number for <see cref="ConditionOperator.Equals"/>).</summary>
    public double? Min { get; }

    /// <summary>Gets the upper bound.</summary>
    public double? Max { get; }

    /// <summary>Gets the nested conditions of <c>All</c>, <c>Any</c> and <c>Not</c>.</summary>
    public ImmutableArray<AttributeCondition> Conditions { get; }

    /// <summary>Text or named value equals <paramref name="value"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Is(LeadField field, string value) => new(field, default, ConditionOperator.Equals, [value], null, null, []);

    /// <summary>Text or named value is one of <paramref name="values"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition IsAnyOf(LeadField field, params ReadOnlySpan<string> values) => new(field, default, ConditionOperator.In, [.. values], null, null, []);

    /// <summary>Text or named value is none of <paramref name="values"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition IsNoneOf(LeadField field, params ReadOnlySpan<string> values) => new(field, default, ConditionOperator.NotIn, [.. values], null, null, []);

    /// <summary>Text contains one of <paramref name="values"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Contains(LeadField field, params ReadOnlySpan<string> values) => new(field, default, ConditionOperator.Contains, [.. values], null, null, []);

    /// <summary>Text starts with one of <paramref name="values"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition StartsWith(LeadField field, params ReadOnlySpan<string> values) => new(field, default, ConditionOperator.StartsWith, [.. values], null, null, []);

    /// <summary>Number is in <c>[min, max]</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Between(LeadField field, double min, double max) => new(field, default, ConditionOperator.Between, [], min, max, []);

    /// <summary>Number is at least <paramref name="min"/>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="min">The lower bound.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition AtLeast(LeadField field, double min) => new(field, default, ConditionOperator.AtLeast, [], min, null, []);

    /// <summary>Number is at most <paramref name="max"/>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition AtMost(LeadField field, double max) => new(field, default, ConditionOperator.AtMost, [], null, max, []);

    /// <summary>Boolean is true.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition IsTrue(LeadField field) => new(field, default, ConditionOperator.IsTrue, [], null, null, []);

    /// <summary>The field has a value.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Exists(LeadField field) => new(field, default, ConditionOperator.Exists, [], null, null, []);

    /// <summary>A condition on a custom attribute.</summary>
    /// <param name="key">The attribute key.</param>
    /// <param name="op">The operator (a text, number, boolean or existence operator).</param>
    /// <param name="values">The text values, for text operators.</param>
    /// <param name="min">The lower bound (or number for <see cref="ConditionOperator.Equals"/>), for number operators.</param>
    /// <param name="max">The upper bound, for number operators.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Custom(CustomFieldKey key, ConditionOperator op, ImmutableArray<string> values = default, double? min = null, double? max = null)
        => new(LeadField.Custom, key, op, values, min, max, []);

    /// <summary>Any field and operator; the general form used by JSON rule sets.</summary>
    /// <param name="field">The field.</param>
    /// <param name="op">The operator.</param>
    /// <param name="values">The text or named values.</param>
    /// <param name="min">The lower bound or number.</param>
    /// <param name="max">The upper bound.</param>
    /// <param name="customKey">The custom attribute key when <paramref name="field"/> is <see cref="LeadField.Custom"/>.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Create(LeadField field, ConditionOperator op, ImmutableArray<string> values = default, double? min = null, double? max = null, CustomFieldKey customKey = default)
        => new(field, customKey, op, values, min, max, []);

    /// <summary>Every condition holds.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition All(params ReadOnlySpan<AttributeCondition> conditions) => new(LeadField.None, default, ConditionOperator.All, [], null, null, [.. conditions]);

    /// <summary>At least one condition holds.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Any(params ReadOnlySpan<AttributeCondition> conditions) => new(LeadField.None, default, ConditionOperator.Any, [], null, null, [.. conditions]);

    /// <summary>The condition does not hold.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negated condition.</returns>
    public static AttributeCondition Not(AttributeCondition condition) => new(LeadField.None, default, ConditionOperator.Not, [], null, null, [condition]);

    /// <summary>Tests the condition on a lead.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns><see langword="true"/> when it holds.</returns>
    public bool Matches(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Compiled.Matches(lead);
    }

    /// <inheritdoc />
    public override string ToString() => Operator switch
    {
        ConditionOperator.All or ConditionOperator.Any => $"{Operator.ToString().ToLowerInvariant()}({string.Join(", ", Conditions)})",
        ConditionOperator.Not => $"not({Conditions[0]})",
        _ => string.Create(CultureInfo.InvariantCulture, $"{FieldName} {Operator} {(Values.Length > 0 ? "[" + string.Join(", ", Values) + "]" : string.Empty)}{(Min is null ? string.Empty : $" min {Min}")}{(Max is null ? string.Empty : $" max {Max}")}").TrimEnd(),
    };

    /// <summary>Gets the condition compiled for evaluation.</summary>
    internal CompiledCondition Compiled { get; }

    /// <summary>Gets the named values' integer values (-1 for an unknown name), for named-value fields.</summary>
    internal int[] EnumValues => _enumValues;

    /// <summary>Gets the keyword search of a <c>Contains</c> condition whose values are all non-empty.</summary>
    internal KeywordSearch? ContainsAny => _containsAny;

    /// <summary>
    /// The reference semantics, read through <see cref="FieldValue"/>: used for what <see cref="CompiledCondition"/>
    /// does not specialise (custom attributes, existence tests) and by tests as the oracle for the compiled nodes.
    /// </summary>
    internal bool MatchesGeneric(Lead lead)
    {
        switch (Operator)
        {
            case ConditionOperator.All:
                foreach (var c in Conditions)
                {
                    if (!c.MatchesGeneric(lead))
                    {
                        return false;
                    }
                }

                return true;
            case ConditionOperator.Any:
                foreach (var c in Conditions)
                {
                    if (c.MatchesGeneric(lead))
                    {
                        return true;
                    }
                }

                return false;
            case ConditionOperator.Not:
                return !Conditions[0].MatchesGeneric(lead);
        }

        var value = FieldValue.Read(lead, Field, CustomKey);
        return Operator switch
        {
            ConditionOperator.Exists => value.Type != FieldType.Missing,
            ConditionOperator.NotExists => value.Type == FieldType.Missing,
            _ => value.Type switch
            {
                FieldType.Text => MatchText(value.Text!),
                FieldType.Number => MatchNumber(value.Number),
                FieldType.Boolean => Operator == ConditionOperator.IsTrue ? value.Boolean : Operator == ConditionOperator.IsFalse && !value.Boolean,
                FieldType.Named => MatchNamed(value.Named),
                _ => false,
            },
        };
    }

    internal string FieldName => Field == LeadField.Custom ? "custom." + CustomKey.Value : LeadFieldNames.ToName(Field);

    internal void Validate(string path, List<ScoringProblem> problems, int depth = 1)
    {
        if (Operator is ConditionOperator.All or ConditionOperator.Any or ConditionOperator.Not)
        {
            if (depth > MaximumDepth)
            {
                problems.Add(new(path, $"nesting is deeper than {MaximumDepth} levels"));
                return;
            }

            var name = Operator switch { ConditionOperator.All => "all", ConditionOperator.Any => "any", _ => "not" };
            if (Conditions.Length == 0 || (Operator == ConditionOperator.Not && Conditions.Length != 1))
            {
                problems.Add(new(path + "." + name, Operator == ConditionOperator.Not ? "must hold exactly one condition" : "must hold at least one condition"));
            }

            for (var i = 0; i < Conditions.Length; i++)
            {
                var child = Conditions[i];
                var childPath = Operator == ConditionOperator.Not ? path + ".not" : string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i}]");
                if (child is null)
                {
                    problems.Add(new(childPath, "must not be null"));
                }
                else
                {
                    child.Validate(childPath, problems, depth + 1);
                }
            }

            return;
        }

        if (!Enum.IsDefined(Field) || Field == LeadField.None)
        {
            problems.Add(new(path + ".field", "must be one of the documented fields"));
            return;
        }

        if (Field == LeadField.Custom && CustomKey.IsDefault)
        {
            problems.Add(new(path + ".key", "must be set for a custom attribute"));
        }

        if (!Enum.IsDefined(Operator) || Operator == ConditionOperator.None)
        {
            problems.Add(new(path + ".op", "must be one of the documented operators"));
            return;
        }

        var opName = LeadFieldNames.ToName(Operator);
        void Unused(bool present, string property)
        {
            if (present)
            {
                problems.Add(new(path + "." + property, $"is not used by '{opName}'"));
            }
        }

        if (Operator is ConditionOperator.Exists or ConditionOperator.NotExists or ConditionOperator.IsTrue or ConditionOperator.IsFalse)
        {
            // What an operator does not use would be silently ignored: refuse it.
            Unused(!Values.IsEmpty, "values");
            Unused(Min is not null, "min");
            Unused(Max is not null, "max");
            if (Operator is ConditionOperator.Exists or ConditionOperator.NotExists)
            {
                return;
            }
        }

        var type = LeadFieldNames.TypeOf(Field);
        var textOp = Operator is ConditionOperator.Equals or ConditionOperator.NotEquals or ConditionOperator.In or ConditionOperator.NotIn
            or ConditionOperator.StartsWith or ConditionOperator.EndsWith or ConditionOperator.Contains;
        var numberOp = Operator is ConditionOperator.Equals or ConditionOperator.AtLeast or ConditionOperator.AtMost or ConditionOperator.Between;
        var boolOp = Operator is ConditionOperator.IsTrue or ConditionOperator.IsFalse;
        var allowed = type switch
        {
            FieldType.Text => textOp,
            FieldType.Named => Operator is ConditionOperator.Equals or ConditionOperator.NotEquals or ConditionOperator.In or ConditionOperator.NotIn,
            FieldType.Number => numberOp,
            FieldType.Boolean => boolOp,
            _ => textOp || numberOp || boolOp,
        };
        if (!allowed)
        {
            problems.Add(new(path + ".op", $"'{LeadFieldNames.ToName(Operator)}' cannot be used with the {type.ToString().ToLowerInvariant()} field '{FieldName}'"));
            return;
        }

        var usesNumbers = type == FieldType.Number || (type == FieldType.Any && numberOp && Values.IsEmpty && (Min is not null || Max is not null));
        if (textOp && !usesNumbers)
        {
            Unused(Min is not null, "min");
            Unused(Max is not null, "max");
            if (Values.IsEmpty)
            {
                problems.Add(new(path + ".values", "must hold at least one value"));
            }
            else if (Values.Length > 1 && Operator is ConditionOperator.Equals or ConditionOperator.NotEquals)
            {
                problems.Add(new(path + ".values", $"must hold exactly one value for '{opName}' (use '{(Operator == ConditionOperator.Equals ? "in" : "notIn")}' for several)"));
            }

            for (var i = 0; i < Values.Length; i++)
            {
                if (string.IsNullOrEmpty(Values[i]) || Values[i].Length > CustomFieldValue.MaximumTextLength)
                {
                    problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{path}.values[{i}]"), $"must be 1 to {CustomFieldValue.MaximumTextLength} characters"));
                }
                else if (type == FieldType.Named && _enumValues[i] < 0)
                {
                    problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{path}.values[{i}]"), $"must be one of: {string.Join(", ", LeadFieldNames.NamedValues(Field))}"));
                }
            }
        }
        else if (numberOp)
        {
            Unused(!Values.IsEmpty, "values");
            Unused(Operator is ConditionOperator.AtMost && Min is not null, "min");
            Unused(Operator is ConditionOperator.AtLeast or ConditionOperator.Equals && Max is not null, "max");
            var needsMin = Operator is ConditionOperator.Equals or ConditionOperator.AtLeast or ConditionOperator.Between;
            var needsMax = Operator is ConditionOperator.AtMost or ConditionOperator.Between;
            if (needsMin && Min is not { } min1 || Min is { } m && !double.IsFinite(m))
            {
                problems.Add(new(path + ".min", "must be a finite number"));
            }

            if (needsMax && Max is not { } || Max is { } x && !double.IsFinite(x))
            {
                problems.Add(new(path + ".max", "must be a finite number"));
            }

            if (Operator == ConditionOperator.Between && Min is { } lo && Max is { } hi && hi < lo)
            {
                problems.Add(new(path + ".max", "must not be below min"));
            }
        }
    }

    private static int[] ParseEnumValues(LeadField field, ImmutableArray<string> values)
    {
        if (LeadFieldNames.TypeOf(field) != FieldType.Named)
        {
            return [];
        }

        var names = LeadFieldNames.NamedValues(field);
        var result = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = -1;
            for (var n = 0; n < names.Length; n++)
            {
                if (string.Equals(names[n], values[i], StringComparison.OrdinalIgnoreCase))
                {
                    result[i] = n;
                }
            }
        }

        return result;
    }

    private bool MatchText(string text)
    {
        var values = Values.AsSpan();
        switch (Operator)
        {
            case ConditionOperator.Equals:
                return values.Length > 0 && string.Equals(text, values[0], StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.NotEquals:
            case ConditionOperator.NotIn:
                foreach (var v in values)
                {
                    if (string.Equals(text, v, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }

                return true;
            case ConditionOperator.In:
                foreach (var v in values)
                {
                    if (string.Equals(text, v, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case ConditionOperator.StartsWith:
                foreach (var v in values)
                {
                    if (text.StartsWith(v, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case ConditionOperator.EndsWith:
                foreach (var v in values)
                {
                    if (text.EndsWith(v, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case ConditionOperator.Contains when _containsAny is not null:
                return text.AsSpan().ContainsAny(_containsAny.Reference);
            case ConditionOperator.Contains:
                foreach (var v in values)
                {
                    if (text.Contains(v, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private bool MatchNumber(double number) => Operator switch
    {
        ConditionOperator.Equals => Min is { } v && number == v,
        ConditionOperator.AtLeast => Min is { } min && number >= min,
        ConditionOperator.AtMost => Max is { } max && number <= max,
        ConditionOperator.Between => Min is { } lo && Max is { } hi && number >= lo && number <= hi,
        _ => false,
    };

    private bool MatchNamed(int named)
    {
        var found = false;
        foreach (var v in _enumValues)
        {
            found |= v == named;
        }

        return Operator switch
        {
            ConditionOperator.Equals => _enumValues.Length > 0 && _enumValues[0] == named,
            ConditionOperator.In => found,
            _ => !found,
        };
    }
}
