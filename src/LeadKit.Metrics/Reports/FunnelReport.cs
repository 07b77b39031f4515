using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Retention;

namespace LeadKit.Metrics.Reports;

/// <summary>A whole funnel report: every KPI overall and per source, owner and period, retention and data quality.</summary>
/// <remarks>
/// Segments are ordered by key (source and owner by ordinal name with the unattributed/unassigned segment last,
/// periods by time), so a report does not depend on the order of the input. An immutable value; thread-safe.
/// </remarks>
public sealed class FunnelReport
{
    /// <summary>Creates a report.</summary>
    internal FunnelReport(
        PeriodUnit periodUnit,
        TimeZoneInfo timeZone,
        FunnelSegment overall,
        IReadOnlyList<FunnelSegment> bySource,
        IReadOnlyList<FunnelSegment> byOwner,
        IReadOnlyList<FunnelSegment> byPeriod,
        RetentionMetrics retention,
        DataQualityReport dataQuality)
    {
        PeriodUnit = periodUnit;
        TimeZone = timeZone;
        Overall = overall;
        BySource = bySource;
        ByOwner = byOwner;
        ByPeriod = byPeriod;
        Retention = retention;
        DataQuality = dataQuality;
    }

    /// <summary>Gets the length of the periods.</summary>
    public PeriodUnit PeriodUnit { get; }

    /// <summary>Gets the time zone of the periods.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Gets every KPI over all accepted records.</summary>
    public FunnelSegment Overall { get; }

    /// <summary>Gets the KPIs per lead source.</summary>
    public IReadOnlyList<FunnelSegment> BySource { get; }

    /// <summary>Gets the KPIs per owner (sales rep).</summary>
    public IReadOnlyList<FunnelSegment> ByOwner { get; }

    /// <summary>Gets the KPIs per period (leads by creation period, deals by close period).</summary>
    public IReadOnlyList<FunnelSegment> ByPeriod { get; }

    /// <summary>Gets customer retention (empty without customer records).</summary>
    public RetentionMetrics Retention { get; }

    /// <summary>Gets the data-quality section.</summary>
    public DataQualityReport DataQuality { get; }
}
