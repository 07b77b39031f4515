using System.Diagnostics.CodeAnalysis;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Explanations;

/// <summary>What one rule contributed to a score, before group, dimension and total limits.</summary>
/// <remarks>
/// A value type, so an explanation allocates one array for its rules rather than one object per rule. Init properties
/// (not a positional record), so a later release can add a field without breaking callers.
/// </remarks>
public readonly record struct RuleContribution
{
    /// <summary>Creates a contribution from every field, in declaration order (the scoring engine's shorthand).</summary>
    [SetsRequiredMembers]
    internal RuleContribution(string ruleName, ScoreDimension dimension, string? group, int? occurrences, int? countedOccurrences, double rawPoints, double frequencyLimitedPoints, double points)
    {
        RuleName = ruleName;
        Dimension = dimension;
        Group = group;
        Occurrences = occurrences;
        CountedOccurrences = countedOccurrences;
        RawPoints = rawPoints;
        FrequencyLimitedPoints = frequencyLimitedPoints;
        Points = points;
    }

    /// <summary>Gets the rule's name.</summary>
    public required string RuleName { get; init; }

    /// <summary>Gets the dimension the rule scores.</summary>
    public required ScoreDimension Dimension { get; init; }

    /// <summary>Gets the rule's group, or <see langword="null"/>.</summary>
    public string? Group { get; init; }

    /// <summary>Gets, for signal rules, the matching signals inside the window; otherwise <see langword="null"/>.</summary>
    public int? Occurrences { get; init; }

    /// <summary>Gets, for signal rules, the occurrences counted after the frequency limit; otherwise <see langword="null"/>.</summary>
    public int? CountedOccurrences { get; init; }

    /// <summary>Gets the points before frequency limit and decay (signal rules: per-occurrence points x occurrences).</summary>
    public required double RawPoints { get; init; }

    /// <summary>Gets the points after the frequency limit, before decay.</summary>
    public required double FrequencyLimitedPoints { get; init; }

    /// <summary>Gets the rule's points after decay: what it adds to its group or dimension.</summary>
    public required double Points { get; init; }

    /// <summary>Gets the points the frequency limit removed (<c>FrequencyLimitedPoints - RawPoints</c>).</summary>
    public double FrequencyAdjustment => FrequencyLimitedPoints - RawPoints;

    /// <summary>Gets the points decay removed (<c>Points - FrequencyLimitedPoints</c>).</summary>
    public double DecayAdjustment => Points - FrequencyLimitedPoints;
}
