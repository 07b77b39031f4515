namespace LeadKit.Metrics.Retention;

/// <summary>Customer retention: CRR and churn per period and the cohort retention matrix.</summary>
/// <remarks>
/// Periods run from the first acquisition to the last acquisition or churn, at most
/// <see cref="Reports.FunnelReportOptions.MaximumRetentionPeriods"/> of them. An immutable value; thread-safe.
/// </remarks>
public sealed class RetentionMetrics
{
    /// <summary>CRR and churn per period, in time order.</summary>
    public required IReadOnlyList<RetentionPeriod> Periods { get; init; }

    /// <summary>The cohort retention matrix, one row per acquisition period, in time order.</summary>
    public required IReadOnlyList<CohortRetentionRow> Cohorts { get; init; }
}
