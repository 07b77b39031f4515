using LeadKit.Metrics.Conversion;
using LeadKit.Metrics.Cycle;
using LeadKit.Metrics.Response;

namespace LeadKit.Metrics.Reports;

/// <summary>Every KPI of one segment (overall, a source, an owner or a period).</summary>
public sealed class FunnelSegment
{
    /// <summary>The segment.</summary>
    public required SegmentKey Key { get; init; }

    /// <summary>Lead conversion (cohort and period form, waterfall).</summary>
    public required ConversionMetrics Conversion { get; init; }

    /// <summary>Sales-cycle length and time in each stage.</summary>
    public required SalesCycleMetrics SalesCycle { get; init; }

    /// <summary>Lead response time.</summary>
    public required ResponseTimeMetrics Response { get; init; }

    /// <summary>Win rate, average ticket, volume, pipeline and velocity.</summary>
    public required DealMetrics Deals { get; init; }
}
