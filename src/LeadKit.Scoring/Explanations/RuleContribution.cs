using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Explanations;

/// <summary>What one rule contributed to a score, before group, dimension and total limits.</summary>
/// <remarks>A value type, so an explanation allocates one array for its rules rather than one object per rule.</remarks>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Dimension">The dimension it scores.</param>
/// <param name="Group">Its group, or <see langword="null"/>.</param>
/// <param name="Occurrences">For signal rules: matching signals inside the window; otherwise <see langword="null"/>.</param>
/// <param name="CountedOccurrences">For signal rules: occurrences counted after the frequency limit; otherwise <see langword="null"/>.</param>
/// <param name="RawPoints">Points before frequency limit and decay (signal rules: per-occurrence points x occurrences).</param>
/// <param name="FrequencyLimitedPoints">Points after the frequency limit, before decay.</param>
/// <param name="Points">The rule's points after decay: what it adds to its group or dimension.</param>
public readonly record struct RuleContribution(
    string RuleName,
    ScoreDimension Dimension,
    string? Group,
    int? Occurrences,
    int? CountedOccurrences,
    double RawPoints,
    double FrequencyLimitedPoints,
    double Points)
{
    /// <summary>Gets the points the frequency limit removed (<c>RawPoints - FrequencyLimitedPoints</c>).</summary>
    public double FrequencyAdjustment => FrequencyLimitedPoints - RawPoints;

    /// <summary>Gets the points decay removed (<c>Points - FrequencyLimitedPoints</c>).</summary>
    public double DecayAdjustment => Points - FrequencyLimitedPoints;
}
