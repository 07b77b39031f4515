using LeadKit.Metrics.Conversion;
using LeadKit.Metrics.Cycle;
using LeadKit.Metrics.Response;

namespace LeadKit.Metrics.Reports;

/// <summary>
/// The running counters of one report segment, one accumulator per KPI family (each next to its KPI); memory
/// proportional to stages and currencies, not to records.
/// </summary>
internal sealed class SegmentAccumulator
{
    public SegmentAccumulator(SegmentKey key, int waterfallLength)
    {
        Key = key;
        Conversion = new ConversionAccumulator(waterfallLength);
    }

    public SegmentKey Key { get; }

    public ConversionAccumulator Conversion { get; }

    public SalesCycleAccumulator Cycle { get; } = new();

    public ResponseAccumulator Response { get; } = new();

    public DealAccumulator Deals { get; } = new();

    /// <summary>Adds every counter of another segment to this one.</summary>
    public void AddFrom(SegmentAccumulator other)
    {
        Conversion.AddFrom(other.Conversion);
        Cycle.AddFrom(other.Cycle);
        Response.AddFrom(other.Response);
        Deals.AddFrom(other.Deals);
    }
}
