namespace LeadKit.Metrics.Retention;

/// <summary>Customer retention: CRR and churn per period and the cohort retention matrix.</summary>
/// <remarks>
/// Periods run from the first acquisition to the last acquisition or churn, at most
/// <see cref="Reports.FunnelReportOptions.MaximumRetentionPeriods"/> of them. An immutable value; thread-safe.
/// </remarks>
/// <param name="Periods">CRR and churn per period, in time order.</param>
/// <param name="Cohorts">The cohort retention matrix, one row per acquisition period, in time order.</param>
public sealed record RetentionMetrics(IReadOnlyList<RetentionPeriod> Periods, IReadOnlyList<CohortRetentionRow> Cohorts);
