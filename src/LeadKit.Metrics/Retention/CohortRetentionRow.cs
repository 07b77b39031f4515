using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Retention;

/// <summary>One row of the cohort retention matrix: the customers acquired in one period and how many stayed.</summary>
/// <remarks>
/// <c>Retained[k] = customers of the cohort still active at the end of the k-th period after the cohort period
/// (k = 0 is the cohort period itself) / cohort size</c>. The row stops at the last period of the report.
/// </remarks>
public sealed class CohortRetentionRow
{
    /// <summary>The acquisition period.</summary>
    public required Period Cohort { get; init; }

    /// <summary>The customers acquired in it.</summary>
    public required long Size { get; init; }

    /// <summary>Retention after 0, 1, 2, ... periods.</summary>
    public required IReadOnlyList<Rate> Retained { get; init; }
}
