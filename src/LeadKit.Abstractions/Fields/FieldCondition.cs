using System.Collections.Immutable;
using System.Globalization;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Abstractions.Fields;

/// <summary>
/// A test on a lead's fields: one <see cref="FieldOperator"/> over one <see cref="LeadField"/> (or typed custom
/// attribute) with its operands, or <c>All</c> / <c>Any</c> / <c>Not</c> over nested conditions. <see cref="Matches"/>
/// is the reference semantics of every operator: faster implementations (scoring's compiled conditions) are tested
/// against it. Data only: no expressions, no reflection, no regular expressions. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Text compares ordinally ignoring case (<see cref="StringComparison.OrdinalIgnoreCase"/>), named values by
/// name ignoring case. A missing value matches only <see cref="FieldOperator.NotExists"/>. A custom attribute has the
/// type of the lead's value: number operators match number values only, text operators text values only.</para>
/// <para>A condition can be created invalid (an operator the field's type does not take, missing operands);
/// <see cref="Validate"/> reports every problem, and an invalid condition matches as the rules above say (usually
/// never). Evaluating a condition does not allocate.</para>
/// </remarks>
public sealed class FieldCondition
{
    /// <summary>The deepest nesting of <c>All</c> / <c>Any</c> / <c>Not</c> accepted.</summary>
    public const int MaximumDepth = 8;

    private readonly int[] _named;

    private FieldCondition(LeadField field, CustomFieldKey customKey, FieldOperator op, ImmutableArray<string> values, double? min, double? max, ImmutableArray<FieldCondition> conditions)
    {
        Field = field;
        CustomKey = customKey;
        Operator = op;
        Values = values.IsDefault ? [] : values;
        Min = min;
        Max = max;
        Conditions = conditions.IsDefault ? [] : conditions;
        _named = ParseNamedValues(field, Values);
    }

    /// <summary>Gets the field tested (<see cref="LeadField.None"/> for <c>All</c>, <c>Any</c>, <c>Not</c>).</summary>
    public LeadField Field { get; }

    /// <summary>Gets the custom attribute's key when <see cref="Field"/> is <see cref="LeadField.Custom"/>.</summary>
    public CustomFieldKey CustomKey { get; }

    /// <summary>Gets the operator.</summary>
    public FieldOperator Operator { get; }

    /// <summary>Gets the text or named values compared with.</summary>
    public ImmutableArray<string> Values { get; }

    /// <summary>Gets the lower bound (or the number for <see cref="FieldOperator.Equals"/>).</summary>
    public double? Min { get; }

    /// <summary>Gets the upper bound.</summary>
    public double? Max { get; }

    /// <summary>Gets the nested conditions of <c>All</c>, <c>Any</c> and <c>Not</c>.</summary>
    public ImmutableArray<FieldCondition> Conditions { get; }

    /// <summary>Gets the field's name in messages and JSON: the field's JSON name, or <c>custom.&lt;key&gt;</c>.</summary>
    public string FieldName => Field == LeadField.Custom ? "custom." + CustomKey.Value : LeadFields.NameOf(Field);

    /// <summary>Any field and operator.</summary>
    /// <param name="field">The field.</param>
    /// <param name="op">The operator (not <c>All</c>, <c>Any</c>, <c>Not</c>: use their methods).</param>
    /// <param name="values">The text or named values.</param>
    /// <param name="min">The lower bound, or the number for <see cref="FieldOperator.Equals"/>.</param>
    /// <param name="max">The upper bound.</param>
    /// <param name="customKey">The custom attribute's key when <paramref name="field"/> is <see cref="LeadField.Custom"/>.</param>
    /// <returns>The condition.</returns>
    public static FieldCondition Create(LeadField field, FieldOperator op, ImmutableArray<string> values = default, double? min = null, double? max = null, CustomFieldKey customKey = default)
        => new(field, customKey, op, values, min, max, []);

    /// <summary>A condition on a custom attribute.</summary>
    /// <param name="key">The attribute's key.</param>
    /// <param name="op">The operator (a text, number, boolean or existence operator).</param>
    /// <param name="values">The text values, for text operators.</param>
    /// <param name="min">The lower bound (or the number for <see cref="FieldOperator.Equals"/>), for number operators.</param>
    /// <param name="max">The upper bound, for number operators.</param>
    /// <returns>The condition.</returns>
    public static FieldCondition Custom(CustomFieldKey key, FieldOperator op, ImmutableArray<string> values = default, double? min = null, double? max = null)
        => new(LeadField.Custom, key, op, values, min, max, []);

    /// <summary>Every condition holds.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    public static FieldCondition All(params ReadOnlySpan<FieldCondition> conditions) => new(LeadField.None, default, FieldOperator.All, [], null, null, [.. conditions]);

    /// <summary>At least one condition holds.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    public static FieldCondition Any(params ReadOnlySpan<FieldCondition> conditions) => new(LeadField.None, default, FieldOperator.Any, [], null, null, [.. conditions]);

    /// <summary>The condition does not hold.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negated condition.</returns>
    public static FieldCondition Not(FieldCondition condition) => new(LeadField.None, default, FieldOperator.Not, [], null, null, [condition]);

    /// <summary>Tests the condition on a lead: the reference semantics of every <see cref="FieldOperator"/>.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns><see langword="true"/> when it holds.</returns>
    public bool Matches(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        switch (Operator)
        {
            case FieldOperator.All:
                foreach (var c in Conditions)
                {
                    if (!c.Matches(lead))
                    {
                        return false;
                    }
                }

                return true;
            case FieldOperator.Any:
                foreach (var c in Conditions)
                {
                    if (c.Matches(lead))
                    {
                        return true;
                    }
                }

                return false;
            case FieldOperator.Not:
                return Conditions.Length == 1 && !Conditions[0].Matches(lead);
        }

        var value = LeadFields.Read(lead, Field, CustomKey);
        return Operator switch
        {
            FieldOperator.Exists => !value.IsMissing,
            FieldOperator.NotExists => value.IsMissing,
            _ => value.Type switch
            {
                FieldType.Text => MatchesText(value.Text!),
                FieldType.Number => MatchesNumber(value.Number),
                FieldType.Boolean => Operator == FieldOperator.IsTrue ? value.Boolean : Operator == FieldOperator.IsFalse && !value.Boolean,
                FieldType.Named => MatchesNamed(value.Named),
                _ => false,
            },
        };
    }

    /// <summary>Reports every problem of the condition (and its nested conditions) with its path.</summary>
    /// <param name="path">The condition's path, e.g. <c>rules[2].when</c> or <c>$.rules[2].when</c>.</param>
    /// <param name="problems">Receives the problems: the wrong operator for the field's type, missing or unused operands, unknown named values, too deep nesting.</param>
    public void Validate(string path, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        ValidateAt(path, problems, 1);
    }

    /// <inheritdoc />
    /// <remarks>Shows the field, operator and operands: configuration, never lead data.</remarks>
    public override string ToString() => Operator switch
    {
        FieldOperator.All or FieldOperator.Any => $"{Operator.ToString().ToLowerInvariant()}({string.Join(", ", Conditions)})",
        FieldOperator.Not => $"not({(Conditions.Length > 0 ? Conditions[0] : null)})",
        _ => string.Create(CultureInfo.InvariantCulture, $"{FieldName} {Operator} {(Values.Length > 0 ? "[" + string.Join(", ", Values) + "]" : string.Empty)}{(Min is null ? string.Empty : $" min {Min}")}{(Max is null ? string.Empty : $" max {Max}")}").TrimEnd(),
    };

    private static int[] ParseNamedValues(LeadField field, ImmutableArray<string> values)
    {
        if (LeadFields.TypeOf(field) != FieldType.Named)
        {
            return [];
        }

        var result = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            LeadFields.TryParseNamedValue(field, values[i], out result[i]);
        }

        return result;
    }

    private void ValidateAt(string path, ICollection<ConfigurationProblem> problems, int depth)
    {
        if (Operator is FieldOperator.All or FieldOperator.Any or FieldOperator.Not)
        {
            ValidateNested(path, problems, depth);
            return;
        }

        if (!Enum.IsDefined(Field) || Field == LeadField.None)
        {
            problems.Add(new(path + ".field", ConfigurationProblemCodes.InvalidValue, "must be one of the documented fields"));
            return;
        }

        if (Field == LeadField.Custom && CustomKey.IsDefault)
        {
            problems.Add(new(path + ".key", ConfigurationProblemCodes.Required, "must be set for a custom attribute"));
        }

        if (!Enum.IsDefined(Operator) || Operator == FieldOperator.None)
        {
            problems.Add(new(path + ".op", ConfigurationProblemCodes.InvalidValue, "must be one of the documented operators"));
            return;
        }

        var opName = FieldOperators.NameOf(Operator);
        void Unused(bool present, string property)
        {
            // What an operator does not use would be silently ignored: refuse it.
            if (present)
            {
                problems.Add(new(path + "." + property, ConfigurationProblemCodes.UnknownProperty, $"is not used by '{opName}'"));
            }
        }

        if (Operator is FieldOperator.Exists or FieldOperator.NotExists || FieldOperators.IsBoolean(Operator))
        {
            Unused(!Values.IsEmpty, "values");
            Unused(Min is not null, "min");
            Unused(Max is not null, "max");
            if (Operator is FieldOperator.Exists or FieldOperator.NotExists)
            {
                return;
            }
        }

        var type = LeadFields.TypeOf(Field);
        if (!FieldOperators.AppliesTo(Operator, type))
        {
            problems.Add(new(path + ".op", ConfigurationProblemCodes.Conflict, $"'{opName}' cannot be used with the {type.ToString().ToLowerInvariant()} field '{FieldName}'"));
            return;
        }

        var textOp = FieldOperators.IsText(Operator);
        var numberOp = FieldOperators.IsNumber(Operator);

        // A custom attribute's equals compares a number when it has bounds and no values.
        var usesNumbers = type == FieldType.Number || (type == FieldType.Custom && numberOp && Values.IsEmpty && (Min is not null || Max is not null));
        if (textOp && !usesNumbers)
        {
            ValidateValues(path, problems, type, opName, Unused);
        }
        else if (numberOp)
        {
            ValidateBounds(path, problems, Unused);
        }
    }

    private void ValidateNested(string path, ICollection<ConfigurationProblem> problems, int depth)
    {
        if (depth > MaximumDepth)
        {
            problems.Add(new(path, ConfigurationProblemCodes.TooDeep, $"nesting is deeper than {MaximumDepth} levels"));
            return;
        }

        var name = FieldOperators.NameOf(Operator);
        if (Conditions.Length == 0 || (Operator == FieldOperator.Not && Conditions.Length != 1))
        {
            problems.Add(new(path + "." + name, ConfigurationProblemCodes.Required, Operator == FieldOperator.Not ? "must hold exactly one condition" : "must hold at least one condition"));
        }

        for (var i = 0; i < Conditions.Length; i++)
        {
            var child = Conditions[i];
            var childPath = Operator == FieldOperator.Not ? path + ".not" : string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i}]");
            if (child is null)
            {
                problems.Add(new(childPath, ConfigurationProblemCodes.Required, "must not be null"));
            }
            else
            {
                child.ValidateAt(childPath, problems, depth + 1);
            }
        }
    }

    private void ValidateValues(string path, ICollection<ConfigurationProblem> problems, FieldType type, string opName, Action<bool, string> unused)
    {
        unused(Min is not null, "min");
        unused(Max is not null, "max");
        if (Values.IsEmpty)
        {
            problems.Add(new(path + ".values", ConfigurationProblemCodes.Required, "must hold at least one value"));
        }
        else if (Values.Length > 1 && Operator is FieldOperator.Equals or FieldOperator.NotEquals)
        {
            problems.Add(new(path + ".values", ConfigurationProblemCodes.TooMany, $"must hold exactly one value for '{opName}' (use '{(Operator == FieldOperator.Equals ? "in" : "notIn")}' for several)"));
        }

        for (var i = 0; i < Values.Length; i++)
        {
            if (string.IsNullOrEmpty(Values[i]) || Values[i].Length > CustomFieldValue.MaximumTextLength)
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{path}.values[{i}]"), ConfigurationProblemCodes.InvalidValue, $"must be 1 to {CustomFieldValue.MaximumTextLength} characters"));
            }
            else if (type == FieldType.Named && _named[i] < 0)
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{path}.values[{i}]"), ConfigurationProblemCodes.InvalidValue, $"must be one of: {string.Join(", ", LeadFields.NamedValues(Field))}"));
            }
        }
    }

    private void ValidateBounds(string path, ICollection<ConfigurationProblem> problems, Action<bool, string> unused)
    {
        unused(!Values.IsEmpty, "values");
        unused(Operator is FieldOperator.AtMost && Min is not null, "min");
        unused(Operator is FieldOperator.AtLeast or FieldOperator.Equals && Max is not null, "max");
        var needsMin = Operator is FieldOperator.Equals or FieldOperator.AtLeast or FieldOperator.Between;
        var needsMax = Operator is FieldOperator.AtMost or FieldOperator.Between;
        if ((needsMin && Min is null) || (Min is { } min && !double.IsFinite(min)))
        {
            problems.Add(new(path + ".min", ConfigurationProblemCodes.InvalidValue, "must be a finite number"));
        }

        if ((needsMax && Max is null) || (Max is { } max && !double.IsFinite(max)))
        {
            problems.Add(new(path + ".max", ConfigurationProblemCodes.InvalidValue, "must be a finite number"));
        }

        if (Operator == FieldOperator.Between && Min is { } lo && Max is { } hi && hi < lo)
        {
            problems.Add(new(path + ".max", ConfigurationProblemCodes.OutOfRange, "must not be below min"));
        }
    }

    private bool MatchesText(string text)
    {
        var values = Values.AsSpan();
        switch (Operator)
        {
            case FieldOperator.Equals:
                return values.Length > 0 && string.Equals(text, values[0], StringComparison.OrdinalIgnoreCase);
            case FieldOperator.NotEquals:
            case FieldOperator.NotIn:
                foreach (var v in values)
                {
                    if (string.Equals(text, v, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }

                return true;
            case FieldOperator.In:
                foreach (var v in values)
                {
                    if (string.Equals(text, v, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case FieldOperator.StartsWith:
                foreach (var v in values)
                {
                    if (v is not null && text.StartsWith(v, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case FieldOperator.EndsWith:
                foreach (var v in values)
                {
                    if (v is not null && text.EndsWith(v, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case FieldOperator.Contains:
                foreach (var v in values)
                {
                    if (v is not null && text.Contains(v, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private bool MatchesNumber(double number) => Operator switch
    {
        FieldOperator.Equals => Min is { } v && number == v,
        FieldOperator.AtLeast => Min is { } min && number >= min,
        FieldOperator.AtMost => Max is { } max && number <= max,
        FieldOperator.Between => Min is { } lo && Max is { } hi && number >= lo && number <= hi,
        _ => false,
    };

    private bool MatchesNamed(int named)
    {
        var found = false;
        foreach (var v in _named)
        {
            found |= v == named;
        }

        return Operator switch
        {
            FieldOperator.Equals => _named.Length > 0 && _named[0] == named,
            FieldOperator.In => found,
            FieldOperator.NotEquals or FieldOperator.NotIn => !found,
            _ => false,
        };
    }
}
