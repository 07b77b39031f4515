using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Metrics.Reports.Dimensions;

/// <summary>One segment per owner (sales rep) of journeys and deals, plus one for unassigned ones; quotas per owner.</summary>
internal sealed class OwnerDimension(int waterfallLength, Dictionary<string, Money> quotas) : ReportDimension(SegmentDimension.Owner, waterfallLength)
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private int _unassigned = -1;

    public override int SlotOf(LeadJourney journey) => SlotOf(journey.OwnerId);

    public override int SlotOf(Deal deal, LeadJourney? lead) => SlotOf(deal.OwnerId);

    public override decimal? QuotaOf(SegmentKey key, CurrencyCode currency)
        => key.Owner is { } owner && quotas.TryGetValue(owner.Value!, out var quota) && quota.Currency == currency ? quota.Amount : null;

    public override int[] Order() => OrderByName(key => key.Owner?.Value);

    public override void Clear()
    {
        base.Clear();
        _slots.Clear();
        _unassigned = -1;
    }

    private int SlotOf(SalesRepId? owner)
    {
        if (owner is not { } rep)
        {
            if (_unassigned < 0)
            {
                _unassigned = AddSegment(new SegmentKey { Dimension = SegmentDimension.Owner });
            }

            return _unassigned;
        }

        if (!_slots.TryGetValue(rep.Value!, out var slot))
        {
            slot = AddSegment(new SegmentKey { Dimension = SegmentDimension.Owner, Owner = rep });
            _slots.Add(rep.Value!, slot);
        }

        return slot;
    }
}
