using LeadKit.Metrics.Statistics;

namespace LeadKit.Metrics.Cycle;

/// <summary>Sales-cycle length of one segment and the time spent in each stage.</summary>
/// <remarks>
/// Cycle length of a lead = first entry into the converted stage − start, where start is the creation time or, when a
/// cycle start stage is configured, the first entry into that stage (leads that never entered it are not measured).
/// Leads that never converted are not measured. An immutable value; thread-safe.
/// </remarks>
public sealed class SalesCycleMetrics
{
    /// <summary>Mean, median, p75, p90 (and min, max, p25) of the cycle lengths.</summary>
    public required DurationStatistics Length { get; init; }

    /// <summary>Completed stays per stage, ordered by stage name.</summary>
    public required IReadOnlyList<StageTime> TimeInStage { get; init; }
}
