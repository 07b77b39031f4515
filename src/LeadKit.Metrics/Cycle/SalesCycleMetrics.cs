using LeadKit.Metrics.Statistics;

namespace LeadKit.Metrics.Cycle;

/// <summary>Sales-cycle length of one segment and the time spent in each stage.</summary>
/// <remarks>
/// Cycle length of a lead = first entry into the converted stage − start, where start is the creation time or, when a
/// cycle start stage is configured, the first entry into that stage (leads that never entered it are not measured).
/// Leads that never converted are not measured. An immutable value; thread-safe.
/// </remarks>
/// <param name="Length">Mean, median, p75, p90 (and min, max, p25) of the cycle lengths.</param>
/// <param name="TimeInStage">Completed stays per stage, ordered by stage name.</param>
public sealed record SalesCycleMetrics(DurationStatistics Length, IReadOnlyList<StageTime> TimeInStage);
