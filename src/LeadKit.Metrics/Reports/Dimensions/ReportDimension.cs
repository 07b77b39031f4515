using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Sales;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Metrics.Reports.Dimensions;

/// <summary>
/// One way to split a report into segments: the key extractor that puts each journey and deal in a segment (a slot),
/// the segments' accumulators, their quotas and their order in the report. Every KPI accumulator is fed through the
/// dimensions in one loop, so a new dimension (a team, a deal field) is one new subclass, not an edit per KPI.
/// </summary>
/// <remarks>Per calculation; not thread-safe.</remarks>
internal abstract class ReportDimension
{
    private readonly int _waterfallLength;

    protected ReportDimension(SegmentDimension kind, int waterfallLength)
    {
        Kind = kind;
        _waterfallLength = waterfallLength;
    }

    /// <summary>Gets what the segments group by.</summary>
    public SegmentDimension Kind { get; }

    /// <summary>Gets the segments, by slot (in the order they were first seen).</summary>
    public List<SegmentAccumulator> Segments { get; } = [];

    /// <summary>
    /// Gets a value indicating whether the segments are periods: an event (a conversion) then also counts in the
    /// segment of the instant it happened (<see cref="SlotOfInstant"/>), whenever its lead was created.
    /// </summary>
    public virtual bool IsTime => false;

    /// <summary>Gets the slot of the segment a journey belongs to (creating the segment when new).</summary>
    public abstract int SlotOf(LeadJourney journey);

    /// <summary>Gets the slot of the segment a deal belongs to, or -1 when it belongs to none.</summary>
    /// <param name="deal">The deal.</param>
    /// <param name="lead">The journey of the deal's lead, when it is known (one journey with that id).</param>
    public abstract int SlotOf(Deal deal, LeadJourney? lead);

    /// <summary>Gets the slot of the segment of an instant (time dimensions only), or -1.</summary>
    public virtual int SlotOfInstant(long utcTicks) => -1;

    /// <summary>Gets the quota of a segment in a currency, or <see langword="null"/> when none is configured.</summary>
    public virtual decimal? QuotaOf(SegmentKey key, CurrencyCode currency) => null;

    /// <summary>Gets the slots in the order the report lists the segments.</summary>
    public abstract int[] Order();

    /// <summary>Forgets every segment (used when the journeys are aggregated again without duplicates).</summary>
    public virtual void Clear() => Segments.Clear();

    protected int AddSegment(SegmentKey key)
    {
        Segments.Add(new SegmentAccumulator(key, _waterfallLength));
        return Segments.Count - 1;
    }

    /// <summary>Orders slots by ordinal name, the unnamed one (unassigned, unattributed) last.</summary>
    protected int[] OrderByName(Func<SegmentKey, string?> name)
    {
        var order = Identity(Segments.Count);
        Array.Sort(order, (x, y) => (name(Segments[x].Key), name(Segments[y].Key)) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (a, b) => string.CompareOrdinal(a, b),
        });
        return order;
    }

    protected static int[] Identity(int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        return order;
    }
}
