using System.Collections.Immutable;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Learning.Backtesting;
using LeadKit.Scoring.Rules;

namespace LeadKit.Learning;

/// <summary>
/// A named yes/no condition on a lead ("source = referral", "requested a demo", ...) that a learned scorecard gives
/// points to. Built from an <see cref="AttributeCondition"/> of the shared field vocabulary, a <see cref="LeadFeature"/>
/// value (which becomes such a condition), a signal kind, or an application predicate.
/// </summary>
/// <remarks>
/// Every condition except an application predicate tests what its JSON rule form tests, with the one semantics of
/// <see cref="FieldCondition.Matches"/> (text ordinal ignoring case), so a scorecard and the rule set it exports score
/// every lead the same. Immutable; thread-safe when its predicate is.
/// </remarks>
public sealed class LeadCondition
{
    private LeadCondition(string name, ScoreDimension dimension, Func<Lead, DateTimeOffset, bool> predicate, LeadFeature? feature, string? value, AttributeCondition? attribute)
    {
        Attribute = attribute;
        Name = name;
        Dimension = dimension;
        Predicate = predicate;
        Feature = feature;
        Value = value;
    }

    /// <summary>Gets the condition's name, unique within a scorecard; shown in explanations.</summary>
    public string Name { get; }

    /// <summary>Gets the score dimension the condition's points count towards.</summary>
    public ScoreDimension Dimension { get; }

    /// <summary>Gets the feature the condition tests, when it is a feature-value condition; otherwise <see langword="null"/>.</summary>
    public LeadFeature? Feature { get; }

    /// <summary>Gets the feature value the condition tests for, when it is a feature-value condition; otherwise <see langword="null"/>.</summary>
    public string? Value { get; }

    /// <summary>
    /// Gets the attribute condition the condition tests: the one given to <see cref="When"/>, or the one a non-signal
    /// feature value stands for (<c>industry = software</c> is <c>company.industry equals "software"</c>); otherwise
    /// (signal and application-predicate conditions) <see langword="null"/>.
    /// </summary>
    public AttributeCondition? Attribute { get; }

    /// <summary>Gets whether this is a signal-presence condition (<see cref="Feature"/> is a <see cref="LeadFeature.SignalPresent"/> feature).</summary>
    internal bool IsSignal => Feature is { Kind: LeadFeature.FeatureKind.Signal };

    /// <summary>Gets whether a signal condition wants the signal present (<c>yes</c>) rather than absent (<c>no</c>).</summary>
    internal bool WantsSignal => string.Equals(Value, LeadFeature.Yes, StringComparison.OrdinalIgnoreCase);

    internal Func<Lead, DateTimeOffset, bool> Predicate { get; }

    /// <summary>
    /// Creates a condition from a data-only <see cref="AttributeCondition"/>, the conditions JSON rule sets use (for example
    /// <c>AttributeCondition.AtLeast(LeadField.EmployeeCount, 250)</c>). Prefer it to <see cref="Create"/>: a learned
    /// scorecard tests it as fast as the model does, and <c>LearnedScorecard.ToRuleSetJson</c> can write it.
    /// </summary>
    /// <param name="name">The condition's name, e.g. <c>employees &gt;= 250</c>.</param>
    /// <param name="condition">The attribute condition.</param>
    /// <param name="dimension">The dimension its points count towards.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException">The condition is invalid; the message lists every problem with its path (<c>condition.all[0].max</c>).</exception>
    public static LeadCondition When(string name, AttributeCondition condition, ScoreDimension dimension = ScoreDimension.Fit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(condition);
        var problems = new List<ConfigurationProblem>();
        condition.Definition.Validate("condition", problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The condition '{name}' is invalid: {string.Join("; ", problems.Select(p => p.Path + ": " + p.Message))}.", nameof(condition));
        }

        return new LeadCondition(name, dimension, (lead, _) => condition.Matches(lead), null, null, condition);
    }

    /// <summary>Creates a condition from an application predicate.</summary>
    /// <param name="name">A unique, non-blank name.</param>
    /// <param name="predicate">The test; must be thread-safe and must not look at signals after its second argument.</param>
    /// <param name="dimension">The dimension its points count towards.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static LeadCondition Create(string name, Func<Lead, DateTimeOffset, bool> predicate, ScoreDimension dimension = ScoreDimension.Fit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(predicate);
        return new LeadCondition(name, dimension, predicate, null, null, null);
    }

    /// <summary>Creates the condition "<paramref name="feature"/> = <paramref name="value"/>", named like <c>source = referral</c>.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="value">The value: compared ordinally ignoring case (<c>Software</c> is <c>software</c>), as in a rule set;
    /// <see cref="LeadFeature.Missing"/> holds for a lead without the fact.</param>
    /// <param name="dimension">The dimension its points count towards; defaults to fit, or engagement for a signal feature.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException">The feature cannot have the value (an unknown named value, band label, a signal or boolean value other than <c>yes</c> / <c>no</c>, or a text a rule set cannot hold: empty or longer than a custom field's maximum).</exception>
    public static LeadCondition ValueIs(LeadFeature feature, string value, ScoreDimension? dimension = null)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(value);
        var name = feature.Name + " = " + value;
        if (feature.Kind == LeadFeature.FeatureKind.Signal)
        {
            var wanted = string.Equals(value, LeadFeature.Yes, StringComparison.OrdinalIgnoreCase);
            if (!wanted && !string.Equals(value, LeadFeature.No, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The feature '{feature.Name}' is yes or no.", nameof(value));
            }

            return new LeadCondition(name, dimension ?? ScoreDimension.Engagement, (lead, asOf) => (feature.ValueOf(lead, asOf) == LeadFeature.Yes) == wanted, feature, value, null);
        }

        // What the rule form could not hold (an empty or over-long text) is refused now, not when the rule set is loaded.
        var definition = feature.ConditionFor(value);
        var problems = new List<ConfigurationProblem>();
        definition.Validate("value", problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The value of '{feature.Name}' is invalid: {string.Join("; ", problems.Select(p => p.Message))}.", nameof(value));
        }

        var attribute = AttributeCondition.From(definition);
        return new LeadCondition(name, dimension ?? ScoreDimension.Fit, (lead, _) => attribute.Matches(lead), feature, value, attribute);
    }

    /// <summary>Creates the engagement condition "showed a signal of this kind", named <c>signal:&lt;kind&gt; = yes</c>.</summary>
    /// <param name="kind">The signal kind.</param>
    /// <returns>The condition.</returns>
    public static LeadCondition SignalPresent(EngagementSignalKind kind) => ValueIs(LeadFeature.SignalPresent(kind), LeadFeature.Yes);

    /// <summary>
    /// Creates one "<paramref name="feature"/> = value" condition for every value that at least
    /// <paramref name="minimumSupport"/> leads of the history have (read as of each decision). Values that differ only in
    /// case are one value (conditions compare ignoring case), spelled as its ordinally first spelling; the conditions are
    /// in ordinal-ignoring-case order of the value. An empty text gets no condition (a rule set cannot hold it).
    /// </summary>
    /// <param name="feature">The feature.</param>
    /// <param name="history">The history the values are counted in.</param>
    /// <param name="minimumSupport">The fewest leads a value needs; at least 1.</param>
    /// <returns>The conditions.</returns>
    /// <exception cref="InvalidHistoryException">An entry of <paramref name="history"/> is null, or a lead's custom attribute
    /// holds a value that is not text (a number, say) for a text feature; each is named by its index, <c>history[i]</c>.</exception>
    public static ImmutableArray<LeadCondition> ForValues(LeadFeature feature, IEnumerable<HistoricalLead> history, int minimumSupport)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSupport, 1);
        var counts = new Dictionary<string, (string Spelling, int Count)>(StringComparer.OrdinalIgnoreCase);
        List<int>? nulls = null;
        var wrongType = new WrongTypeProblems(feature, nameof(history));
        var index = 0;
        foreach (var item in history)
        {
            if (item is null)
            {
                (nulls ??= []).Add(index++);
                continue;
            }

            if (!feature.TryRead(item.Lead, item.DecidedAt, out var value))
            {
                wrongType.Add(item.Lead, index);
            }
            else if (counts.TryGetValue(value, out var seen))
            {
                counts[value] = (string.CompareOrdinal(value, seen.Spelling) < 0 ? value : seen.Spelling, seen.Count + 1);
            }
            else
            {
                counts[value] = (value, 1);
            }

            index++;
        }

        if (nulls is not null)
        {
            throw NullEntries.Exception(nulls, nameof(history));
        }

        wrongType.ThrowIfAny();

        // An empty text has no rule form (a rule set's values are 1 or more characters): it gets no condition.
        var values = counts.Values.Where(v => v.Count >= minimumSupport && v.Spelling.Length > 0).Select(v => v.Spelling).ToList();
        values.Sort(StringComparer.OrdinalIgnoreCase);
        var conditions = ImmutableArray.CreateBuilder<LeadCondition>(values.Count);
        foreach (var value in values)
        {
            conditions.Add(ValueIs(feature, value));
        }

        return conditions.MoveToImmutable();
    }

    /// <summary>Tests the condition.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the lead is read as of.</param>
    /// <returns><see langword="true"/> when the condition holds.</returns>
    public bool IsMet(Lead lead, DateTimeOffset asOf) => Predicate(lead, asOf);

    /// <summary>Returns the condition's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
