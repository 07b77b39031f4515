using LeadKit.Abstractions.Sales;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Periods;

namespace LeadKit.Metrics.Reports.Dimensions;

/// <summary>
/// One segment per period of the report calendar: a journey belongs to the period it was created in, a deal to the
/// period it closed in (open deals to none), and a conversion also counts in the period it happened in.
/// </summary>
internal sealed class PeriodDimension(int waterfallLength, PeriodIndex periods) : ReportDimension(SegmentDimension.Period, waterfallLength)
{
    private readonly List<int> _periodIds = [];
    private readonly Dictionary<int, int> _farSlots = [];
    private int[] _slotByOffset = [];
    private int _idBase;

    public override bool IsTime => true;

    public override int SlotOf(LeadJourney journey) => SlotOfInstant(journey.CreatedAt.UtcTicks);

    public override int SlotOf(Deal deal, LeadJourney? lead) => deal.ClosedAt is { } closed ? SlotOfInstant(closed.UtcTicks) : -1;

    public override int SlotOfInstant(long utcTicks)
    {
        var id = periods.IdOf(utcTicks);
        var offset = id - _idBase;
        if ((uint)offset < (uint)_slotByOffset.Length && _slotByOffset[offset] > 0)
        {
            return _slotByOffset[offset] - 1;
        }

        if (_farSlots.TryGetValue(id, out var far))
        {
            return far;
        }

        if ((uint)offset >= (uint)_slotByOffset.Length)
        {
            // Period ids are consecutive integers: keep a dense table (slot + 1, 0 = none) and grow it to cover id.
            var low = Math.Min(_slotByOffset.Length == 0 ? id : _idBase, id) - 16;
            var high = Math.Max(_slotByOffset.Length == 0 ? id : _idBase + _slotByOffset.Length - 1, id) + 16;
            if (high - low >= PeriodIndex.MaximumCached)
            {
                // Far from the other periods (9999-12-30 beside 2018): a dictionary entry, not millions of empty slots.
                var farSlot = Add(id);
                _farSlots.Add(id, farSlot);
                return farSlot;
            }

            var table = new int[high - low + 1];
            if (_slotByOffset.Length > 0)
            {
                Array.Copy(_slotByOffset, 0, table, _idBase - low, _slotByOffset.Length);
            }

            _slotByOffset = table;
            _idBase = low;
            offset = id - low;
        }

        var slot = Add(id);
        _slotByOffset[offset] = slot + 1;
        return slot;
    }

    public override int[] Order()
    {
        var order = Identity(Segments.Count);
        Array.Sort(order, (x, y) => _periodIds[x].CompareTo(_periodIds[y]));
        return order;
    }

    public override void Clear()
    {
        base.Clear();
        _periodIds.Clear();
        _farSlots.Clear();
        Array.Clear(_slotByOffset);
    }

    private int Add(int id)
    {
        _periodIds.Add(id);
        return AddSegment(new SegmentKey { Dimension = SegmentDimension.Period, Period = periods[id] });
    }
}
