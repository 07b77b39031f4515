using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Sales;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Metrics.Reports.Dimensions;

/// <summary>One segment holding every record; its quotas are <see cref="FunnelReportOptions.Quotas"/>.</summary>
internal sealed class TotalDimension : ReportDimension
{
    private readonly Dictionary<CurrencyCode, decimal> _quotas;

    public TotalDimension(int waterfallLength, Dictionary<CurrencyCode, decimal> quotas)
        : base(SegmentDimension.Overall, waterfallLength)
    {
        _quotas = quotas;
        AddSegment(new SegmentKey { Dimension = SegmentDimension.Overall });
    }

    public override int SlotOf(LeadJourney journey) => 0;

    public override int SlotOf(Deal deal, LeadJourney? lead) => 0;

    public override decimal? QuotaOf(SegmentKey key, CurrencyCode currency) => _quotas.TryGetValue(currency, out var quota) ? quota : null;

    public override int[] Order() => [0];

    /// <summary>
    /// Fills the segment from a dimension that puts every journey and every deal in exactly one segment (the sum of
    /// its segments is the total), instead of adding every record a fourth time.
    /// </summary>
    public void SumOf(ReportDimension partition)
    {
        foreach (var segment in partition.Segments)
        {
            Segments[0].AddFrom(segment);
        }
    }
}
