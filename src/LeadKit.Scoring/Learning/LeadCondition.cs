using System.Collections.Immutable;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Backtesting;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Learning;

/// <summary>
/// A named yes/no condition on a lead ("source = referral", "requested a demo", ...) that a learned scorecard gives
/// points to. Built from a <see cref="LeadFeature"/> value, a signal kind, or an application predicate.
/// </summary>
/// <remarks>Immutable; thread-safe when its predicate is.</remarks>
public sealed class LeadCondition
{
    private readonly Func<Lead, DateTimeOffset, bool> _predicate;

    private LeadCondition(string name, ScoreDimension dimension, Func<Lead, DateTimeOffset, bool> predicate, LeadFeature? feature, string? value, AttributeCondition? attribute = null)
    {
        Attribute = attribute;
        Name = name;
        Dimension = dimension;
        _predicate = predicate;
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
    /// Gets the attribute condition the condition tests, when it was created with <see cref="When"/>; otherwise
    /// <see langword="null"/>.
    /// </summary>
    public AttributeCondition? Attribute { get; }

    /// <summary>
    /// Creates a condition from a data-only <see cref="AttributeCondition"/>, the conditions JSON rule sets use (for example
    /// <c>AttributeCondition.AtLeast(LeadField.EmployeeCount, 250)</c>). Prefer it to <see cref="Create"/>: a learned
    /// scorecard tests it as fast as the model does, and <c>LearnedScorecard.ToRuleSetJson</c> can write it.
    /// </summary>
    /// <param name="name">The condition's name, e.g. <c>employees &gt;= 250</c>.</param>
    /// <param name="condition">The attribute condition.</param>
    /// <param name="dimension">The dimension its points count towards.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException">The condition is invalid; the message lists every problem.</exception>
    public static LeadCondition When(string name, AttributeCondition condition, ScoreDimension dimension = ScoreDimension.Fit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(condition);
        var problems = new List<ConfigurationProblem>();
        condition.Validate("condition", problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The condition '{name}' is invalid: {string.Join("; ", problems.Select(p => p.Path + ": " + p.Message))}.", nameof(condition));
        }

        var compiled = condition.Compiled;
        return new LeadCondition(name, dimension, (lead, _) => compiled.Matches(lead), null, null, condition);
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
        return new LeadCondition(name, dimension, predicate, null, null);
    }

    /// <summary>Creates the condition "<paramref name="feature"/> = <paramref name="value"/>", named like <c>source = referral</c>.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="value">The value (ordinal comparison).</param>
    /// <param name="dimension">The dimension its points count towards; defaults to fit, or engagement for a signal feature.</param>
    /// <returns>The condition.</returns>
    public static LeadCondition ValueIs(LeadFeature feature, string value, ScoreDimension? dimension = null)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(value);
        var isSignal = feature.Name.StartsWith("signal:", StringComparison.Ordinal);
        return new LeadCondition(
            feature.Name + " = " + value,
            dimension ?? (isSignal ? ScoreDimension.Engagement : ScoreDimension.Fit),
            (lead, asOf) => string.Equals(feature.ValueOf(lead, asOf), value, StringComparison.Ordinal),
            feature,
            value);
    }

    /// <summary>Creates the engagement condition "showed a signal of this kind", named <c>signal:&lt;kind&gt; = yes</c>.</summary>
    /// <param name="kind">The signal kind.</param>
    /// <returns>The condition.</returns>
    public static LeadCondition SignalPresent(EngagementSignalKind kind) => ValueIs(LeadFeature.SignalPresent(kind), "yes");

    /// <summary>
    /// Creates one "<paramref name="feature"/> = value" condition for every value that at least
    /// <paramref name="minimumSupport"/> leads of the history have (read as of each decision), in ordinal order of the value.
    /// </summary>
    /// <param name="feature">The feature.</param>
    /// <param name="history">The history the values are counted in.</param>
    /// <param name="minimumSupport">The fewest leads a value needs; at least 1.</param>
    /// <returns>The conditions.</returns>
    /// <exception cref="InvalidHistoryException">An entry of <paramref name="history"/> is null; each is named by its index, <c>history[i]</c>.</exception>
    public static ImmutableArray<LeadCondition> ForValues(LeadFeature feature, IEnumerable<HistoricalLead> history, int minimumSupport)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSupport, 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        List<int>? nulls = null;
        var index = 0;
        foreach (var item in history)
        {
            if (item is null)
            {
                (nulls ??= []).Add(index++);
                continue;
            }

            var value = feature.ValueOf(item.Lead, item.DecidedAt);
            counts[value] = counts.GetValueOrDefault(value) + 1;
            index++;
        }

        if (nulls is not null)
        {
            throw NullEntries.Exception(nulls, nameof(history));
        }

        var values = new List<string>();
        foreach (var (value, count) in counts)
        {
            if (count >= minimumSupport)
            {
                values.Add(value);
            }
        }

        values.Sort(StringComparer.Ordinal);
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
    public bool IsMet(Lead lead, DateTimeOffset asOf) => _predicate(lead, asOf);

    /// <summary>Returns the condition's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    internal Func<Lead, DateTimeOffset, bool> Predicate => _predicate;
}
