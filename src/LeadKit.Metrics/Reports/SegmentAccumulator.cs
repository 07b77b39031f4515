namespace LeadKit.Metrics.Reports;

/// <summary>The running counters of one report segment; memory proportional to stages and currencies, not to records.</summary>
internal sealed class SegmentAccumulator
{
    public SegmentAccumulator(SegmentKey key, int waterfallLength)
    {
        Key = key;
        ReachedHistogram = new long[waterfallLength + 1];
    }

    public SegmentKey Key { get; }

    public long Leads { get; set; }

    public long Converted { get; set; }

    public long ConvertedAnyTime { get; set; }

    public long ConvertedDuringPeriod { get; set; }

    public long Untouched { get; set; }

    /// <summary>[i + 1] counts leads whose furthest waterfall stage (within the horizon) is i; [0] counts leads that reached none.</summary>
    public long[] ReachedHistogram { get; }

    public long[] Stays { get; private set; } = [];

    public Int128[] StageTicks { get; private set; } = [];

    public long Won { get; set; }

    public long Lost { get; set; }

    public long Open { get; set; }

    public DealTotals?[] Currencies { get; private set; } = [];

    public void AddStay(int stageSlot, long ticks)
    {
        EnsureStageCapacity(stageSlot);
        Stays[stageSlot]++;
        StageTicks[stageSlot] += ticks;
    }

    private void EnsureStageCapacity(int stageSlot)
    {
        if (stageSlot >= Stays.Length)
        {
            var size = Math.Max(stageSlot + 1, Stays.Length * 2);
            var stays = Stays;
            var totals = StageTicks;
            Array.Resize(ref stays, size);
            Array.Resize(ref totals, size);
            Stays = stays;
            StageTicks = totals;
        }
    }

    /// <summary>Adds every counter of another segment to this one.</summary>
    public void AddFrom(SegmentAccumulator other)
    {
        Leads += other.Leads;
        Converted += other.Converted;
        ConvertedAnyTime += other.ConvertedAnyTime;
        ConvertedDuringPeriod += other.ConvertedDuringPeriod;
        Untouched += other.Untouched;
        for (var i = 0; i < ReachedHistogram.Length; i++)
        {
            ReachedHistogram[i] += other.ReachedHistogram[i];
        }

        for (var slot = other.Stays.Length - 1; slot >= 0; slot--)
        {
            if (other.Stays[slot] > 0)
            {
                EnsureStageCapacity(slot);
                Stays[slot] += other.Stays[slot];
                StageTicks[slot] += other.StageTicks[slot];
            }
        }

        Won += other.Won;
        Lost += other.Lost;
        Open += other.Open;
        for (var c = 0; c < other.Currencies.Length; c++)
        {
            if (other.Currencies[c] is { } from)
            {
                var to = Currency(c);
                to.Won += from.Won;
                to.Lost += from.Lost;
                to.Open += from.Open;
                to.WonValue += from.WonValue;
                to.LostValue += from.LostValue;
                to.OpenValue += from.OpenValue;
                to.WonCycleTicks += from.WonCycleTicks;
            }
        }
    }

    public DealTotals Currency(int currencySlot)
    {
        if (currencySlot >= Currencies.Length)
        {
            var currencies = Currencies;
            Array.Resize(ref currencies, Math.Max(currencySlot + 1, 4));
            Currencies = currencies;
        }

        return Currencies[currencySlot] ??= new DealTotals();
    }
}
