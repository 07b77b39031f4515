using LeadKit.Metrics.Conversion;
using LeadKit.Metrics.Cycle;
using LeadKit.Metrics.Response;

namespace LeadKit.Metrics.Reports;

/// <summary>Every KPI of one segment (overall, a source, an owner or a period).</summary>
/// <param name="Key">The segment.</param>
/// <param name="Conversion">Lead conversion (cohort and period form, waterfall).</param>
/// <param name="SalesCycle">Sales-cycle length and time in each stage.</param>
/// <param name="Response">Lead response time.</param>
/// <param name="Deals">Win rate, average ticket, volume, pipeline and velocity.</param>
public sealed record FunnelSegment(SegmentKey Key, ConversionMetrics Conversion, SalesCycleMetrics SalesCycle, ResponseTimeMetrics Response, DealMetrics Deals);
