using LeadKit.Abstractions.Common;
using LeadKit.Metrics.Pipeline;
using LeadKit.Metrics.Statistics;
using LeadKit.Metrics.Velocity;
using LeadKit.Metrics.Volume;
using LeadKit.Metrics.WinRate;

namespace LeadKit.Metrics.Reports;

/// <summary>The deal KPIs of one segment in one currency; amounts of different currencies are never combined.</summary>
/// <param name="Currency">The currency of every amount here.</param>
/// <param name="WinRate">Win rate by count and by value.</param>
/// <param name="AverageTicket">Mean, median and percentiles of won deal values.</param>
/// <param name="Volume">Number and value of won deals.</param>
/// <param name="Pipeline">Open, weighted pipeline and coverage of the quota.</param>
/// <param name="Velocity">Sales velocity (value per day).</param>
public sealed record CurrencyDealMetrics(
    CurrencyCode Currency,
    WinRateMetrics WinRate,
    MoneyStatistics AverageTicket,
    SalesVolume Volume,
    PipelineMetrics Pipeline,
    SalesVelocity Velocity);
