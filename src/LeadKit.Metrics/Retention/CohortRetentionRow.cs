using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Retention;

/// <summary>One row of the cohort retention matrix: the customers acquired in one period and how many stayed.</summary>
/// <remarks>
/// <c>Retained[k] = customers of the cohort still active at the end of the k-th period after the cohort period
/// (k = 0 is the cohort period itself) / cohort size</c>. The row stops at the last period of the report.
/// </remarks>
/// <param name="Cohort">The acquisition period.</param>
/// <param name="Size">The customers acquired in it.</param>
/// <param name="Retained">Retention after 0, 1, 2, ... periods.</param>
public sealed record CohortRetentionRow(Period Cohort, long Size, IReadOnlyList<Rate> Retained);
