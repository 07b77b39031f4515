namespace LeadKit.Metrics.Reports;

/// <summary>
/// Running deal counters of one segment in one currency: the one accumulator that win rate, volume, pipeline and
/// velocity are computed from (each by its own <c>From</c> next to its result type).
/// </summary>
internal sealed class DealTotals
{
    public long Won { get; private set; }

    public long Lost { get; private set; }

    public long Open { get; private set; }

    public long Closed => Won + Lost;

    public decimal WonValue { get; private set; }

    public decimal LostValue { get; private set; }

    public decimal OpenValue { get; private set; }

    /// <summary>Σ (closed − opened) of the won deals, in ticks.</summary>
    public Int128 WonCycleTicks { get; private set; }

    public void AddWon(decimal amount, long cycleTicks)
    {
        Won++;
        WonValue += amount;
        WonCycleTicks += cycleTicks;
    }

    public void AddLost(decimal amount)
    {
        Lost++;
        LostValue += amount;
    }

    public void AddOpen(decimal amount)
    {
        Open++;
        OpenValue += amount;
    }

    public void AddFrom(DealTotals other)
    {
        Won += other.Won;
        Lost += other.Lost;
        Open += other.Open;
        WonValue += other.WonValue;
        LostValue += other.LostValue;
        OpenValue += other.OpenValue;
        WonCycleTicks += other.WonCycleTicks;
    }
}
