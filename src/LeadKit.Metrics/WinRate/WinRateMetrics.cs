using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.WinRate;

/// <summary>Win rate of closed deals in one currency, by count and by value; open deals are excluded.</summary>
/// <remarks>
/// <c>ByCount = won / (won + lost)</c> with the Wilson 95% interval; <c>ByValue = Σ won value / (Σ won value + Σ lost
/// value)</c>, a share of money in [0, 1] (no interval: amounts are not trials). An immutable value; thread-safe.
/// </remarks>
/// <param name="ByCount">won / (won + lost).</param>
/// <param name="ByValue">won value / closed value.</param>
public sealed record WinRateMetrics(Rate ByCount, Ratio ByValue);
