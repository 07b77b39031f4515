using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Metrics.Reports.Dimensions;

/// <summary>
/// One segment per lead source; a deal belongs to its lead's source, or to the unattributed segment when its lead is
/// not known. Every journey and deal is in exactly one segment, so the total is the sum of these.
/// </summary>
internal sealed class SourceDimension(int waterfallLength) : ReportDimension(SegmentDimension.Source, waterfallLength)
{
    // Sources come from the journeys (untrusted): grouped by value, per run, never by a process-wide ordinal.
    private readonly Dictionary<LeadSource, int> _slots = [];
    private int _unattributed = -1;

    public override int SlotOf(LeadJourney journey) => SlotOf(journey.Source);

    public override int SlotOf(Deal deal, LeadJourney? lead)
    {
        if (lead is not null)
        {
            return SlotOf(lead.Source);
        }

        if (_unattributed < 0)
        {
            _unattributed = AddSegment(new SegmentKey { Dimension = SegmentDimension.Source });
        }

        return _unattributed;
    }

    public override int[] Order() => OrderByName(key => key.Source?.Value);

    public override void Clear()
    {
        base.Clear();
        _slots.Clear();
        _unattributed = -1;
    }

    private int SlotOf(LeadSource source)
    {
        if (!_slots.TryGetValue(source, out var slot))
        {
            slot = AddSegment(new SegmentKey { Dimension = SegmentDimension.Source, Source = source });
            _slots.Add(source, slot);
        }

        return slot;
    }
}
