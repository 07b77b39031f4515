using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Reports;

namespace LeadKit.Metrics.WinRate;

/// <summary>Win rate of closed deals in one currency, by count and by value; open deals are excluded.</summary>
/// <remarks>
/// <c>ByCount = won / (won + lost)</c> with the Wilson 95% interval; <c>ByValue = Σ won value / (Σ won value + Σ lost
/// value)</c>, a share of money in [0, 1] (no interval: amounts are not trials). An immutable value; thread-safe.
/// </remarks>
public sealed class WinRateMetrics
{
    /// <summary>won / (won + lost).</summary>
    public required Rate ByCount { get; init; }

    /// <summary>won value / closed value.</summary>
    public required Ratio ByValue { get; init; }

    /// <summary>Computes the win rate of one segment's deals in one currency.</summary>
    internal static WinRateMetrics From(DealTotals t) => new()
    {
        ByCount = new Rate(t.Won, t.Closed),
        ByValue = new Ratio(t.WonValue, t.WonValue + t.LostValue),
    };
}
