namespace LeadKit.Metrics.Reports;

/// <summary>Running deal counters of one segment in one currency.</summary>
internal sealed class DealTotals
{
    public long Won { get; set; }

    public long Lost { get; set; }

    public long Open { get; set; }

    public decimal WonValue { get; set; }

    public decimal LostValue { get; set; }

    public decimal OpenValue { get; set; }

    public Int128 WonCycleTicks { get; set; }
}
