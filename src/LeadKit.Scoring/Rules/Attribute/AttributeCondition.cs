using System.Collections.Immutable;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// A <see cref="FieldCondition"/> (a closed set of <see cref="FieldOperator"/>s over the shared <see cref="LeadField"/>
/// vocabulary and typed custom attributes, combinable with <c>All</c>, <c>Any</c> and <c>Not</c>) compiled for scoring.
/// <see cref="Definition"/> is the condition and its reference semantics; <see cref="Matches"/> runs the compiled
/// form, which tests prove equal to it. Data only: no expressions, no reflection, no regular expressions. Immutable and
/// thread-safe; evaluating it does not allocate.
/// </summary>
/// <remarks>
/// Text compares ordinally ignoring case, as everywhere in LeadKit. Invalid conditions (wrong operator for the
/// field's type, missing values, too deep) are reported by <c>Build()</c>.
/// </remarks>
public sealed class AttributeCondition
{
    /// <summary>The deepest nesting of <c>All</c> / <c>Any</c> / <c>Not</c> accepted.</summary>
    public const int MaximumDepth = FieldCondition.MaximumDepth;

    private readonly int[] _enumValues;

    // Contains over several keywords is one vectorized, non-backtracking keyword search.
    private readonly KeywordSearch? _containsAny;

    private AttributeCondition(FieldCondition definition, ImmutableArray<AttributeCondition> conditions)
    {
        Definition = definition;
        Conditions = conditions;
        _enumValues = ParseEnumValues(definition);
        if (definition.Operator == FieldOperator.Contains && Values.Length > 0 && Values.All(v => !string.IsNullOrEmpty(v)))
        {
            _containsAny = new KeywordSearch(Values.AsSpan());
        }

        Compiled = CompiledCondition.Compile(this);
    }

    /// <summary>Gets the condition as data, with the reference semantics (<see cref="FieldCondition.Matches"/>) that <see cref="Matches"/> equals.</summary>
    public FieldCondition Definition { get; }

    /// <summary>Gets the field tested (<see cref="LeadField.None"/> for <c>All</c>, <c>Any</c>, <c>Not</c>).</summary>
    public LeadField Field => Definition.Field;

    /// <summary>Gets the custom attribute key when <see cref="Field"/> is <see cref="LeadField.Custom"/>.</summary>
    public CustomFieldKey CustomKey => Definition.CustomKey;

    /// <summary>Gets the operator.</summary>
    public FieldOperator Operator => Definition.Operator;

    /// <summary>Gets the text or named values compared with.</summary>
    public ImmutableArray<string> Values => Definition.Values;

    /// <summary>Gets the lower bound (or the number for <see cref="FieldOperator.Equals"/>).</summary>
    public double? Min => Definition.Min;

    /// <summary>Gets the upper bound.</summary>
    public double? Max => Definition.Max;

    /// <summary>Gets the nested conditions of <c>All</c>, <c>Any</c> and <c>Not</c>.</summary>
    public ImmutableArray<AttributeCondition> Conditions { get; }

    /// <summary>Compiles a condition built with the shared vocabulary (by routing, the learner or an application).</summary>
    /// <param name="definition">The condition.</param>
    /// <returns>The condition compiled for scoring.</returns>
    public static AttributeCondition From(FieldCondition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var children = definition.Conditions;
        if (children.IsEmpty)
        {
            return new(definition, []);
        }

        var compiled = new AttributeCondition[children.Length];
        for (var i = 0; i < compiled.Length; i++)
        {
            // A null child stays null: validation reports it.
            compiled[i] = children[i] is { } child ? From(child) : null!;
        }

        return new(definition, [.. compiled]);
    }

    /// <summary>Text or named value equals <paramref name="value"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Is(LeadField field, string value) => Leaf(FieldCondition.Create(field, FieldOperator.Equals, [value], null, null));

    /// <summary>Text or named value is one of <paramref name="values"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition IsAnyOf(LeadField field, params ReadOnlySpan<string> values) => Leaf(FieldCondition.Create(field, FieldOperator.In, [.. values], null, null));

    /// <summary>Text or named value is none of <paramref name="values"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition IsNoneOf(LeadField field, params ReadOnlySpan<string> values) => Leaf(FieldCondition.Create(field, FieldOperator.NotIn, [.. values], null, null));

    /// <summary>Text contains one of <paramref name="values"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Contains(LeadField field, params ReadOnlySpan<string> values) => Leaf(FieldCondition.Create(field, FieldOperator.Contains, [.. values], null, null));

    /// <summary>Text starts with one of <paramref name="values"/> (ignoring case).</summary>
    /// <param name="field">The field.</param>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition StartsWith(LeadField field, params ReadOnlySpan<string> values) => Leaf(FieldCondition.Create(field, FieldOperator.StartsWith, [.. values], null, null));

    /// <summary>Number is in <c>[min, max]</c>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Between(LeadField field, double min, double max) => Leaf(FieldCondition.Create(field, FieldOperator.Between, [], min, max));

    /// <summary>Number is at least <paramref name="min"/>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="min">The lower bound.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition AtLeast(LeadField field, double min) => Leaf(FieldCondition.Create(field, FieldOperator.AtLeast, [], min, null));

    /// <summary>Number is at most <paramref name="max"/>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition AtMost(LeadField field, double max) => Leaf(FieldCondition.Create(field, FieldOperator.AtMost, [], null, max));

    /// <summary>Boolean is true.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition IsTrue(LeadField field) => Leaf(FieldCondition.Create(field, FieldOperator.IsTrue, [], null, null));

    /// <summary>The field has a value.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Exists(LeadField field) => Leaf(FieldCondition.Create(field, FieldOperator.Exists, [], null, null));

    /// <summary>A condition on a custom attribute.</summary>
    /// <param name="key">The attribute key.</param>
    /// <param name="op">The operator (a text, number, boolean or existence operator).</param>
    /// <param name="values">The text values, for text operators.</param>
    /// <param name="min">The lower bound (or number for <see cref="FieldOperator.Equals"/>), for number operators.</param>
    /// <param name="max">The upper bound, for number operators.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Custom(CustomFieldKey key, FieldOperator op, ImmutableArray<string> values = default, double? min = null, double? max = null)
        => Leaf(FieldCondition.Custom(key, op, values, min, max));

    /// <summary>Any field and operator; the general form used by JSON rule sets.</summary>
    /// <param name="field">The field.</param>
    /// <param name="op">The operator.</param>
    /// <param name="values">The text or named values.</param>
    /// <param name="min">The lower bound or number.</param>
    /// <param name="max">The upper bound.</param>
    /// <param name="customKey">The custom attribute key when <paramref name="field"/> is <see cref="LeadField.Custom"/>.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Create(LeadField field, FieldOperator op, ImmutableArray<string> values = default, double? min = null, double? max = null, CustomFieldKey customKey = default)
        => Leaf(FieldCondition.Create(field, op, values, min, max, customKey));

    /// <summary>Every condition holds.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition All(params ReadOnlySpan<AttributeCondition> conditions) => Nested([.. conditions], static c => FieldCondition.All(c));

    /// <summary>At least one condition holds.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    public static AttributeCondition Any(params ReadOnlySpan<AttributeCondition> conditions) => Nested([.. conditions], static c => FieldCondition.Any(c));

    /// <summary>The condition does not hold.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negated condition.</returns>
    public static AttributeCondition Not(AttributeCondition condition) => Nested([condition], static c => FieldCondition.Not(c[0]));

    /// <summary>Tests the condition on a lead.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns><see langword="true"/> when it holds.</returns>
    public bool Matches(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Compiled.Matches(lead);
    }

    /// <inheritdoc />
    public override string ToString() => Definition.ToString();

    /// <summary>Gets the condition compiled for evaluation.</summary>
    internal CompiledCondition Compiled { get; }

    /// <summary>Gets the named values' integer values (-1 for an unknown name), for named-value fields.</summary>
    internal int[] EnumValues => _enumValues;

    /// <summary>Gets the keyword search of a <c>Contains</c> condition whose values are all non-empty.</summary>
    internal KeywordSearch? ContainsAny => _containsAny;

    internal string FieldName => Definition.FieldName;

    internal void Validate(string path, ICollection<ConfigurationProblem> problems) => Definition.Validate(path, problems);

    private static AttributeCondition Leaf(FieldCondition definition) => new(definition, []);

    // Combinators take compiled children; the definition holds the children's definitions (null stays null: validation reports it).
    private static AttributeCondition Nested(AttributeCondition[] children, Func<FieldCondition[], FieldCondition> combine)
    {
        var definitions = new FieldCondition[children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            definitions[i] = children[i]?.Definition!;
        }

        return new(combine(definitions), [.. children]);
    }

    private static int[] ParseEnumValues(FieldCondition definition)
    {
        if (LeadFields.TypeOf(definition.Field) != FieldType.Named)
        {
            return [];
        }

        var values = definition.Values;
        var result = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            LeadFields.TryParseNamedValue(definition.Field, values[i], out result[i]);
        }

        return result;
    }
}
