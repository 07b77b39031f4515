using LeadKit.Abstractions.Common;
using LeadKit.Metrics.Pipeline;
using LeadKit.Metrics.Statistics;
using LeadKit.Metrics.Velocity;
using LeadKit.Metrics.Volume;
using LeadKit.Metrics.WinRate;

namespace LeadKit.Metrics.Reports;

/// <summary>The deal KPIs of one segment in one currency; amounts of different currencies are never combined.</summary>
public sealed class CurrencyDealMetrics
{
    /// <summary>The currency of every amount here.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>Win rate by count and by value.</summary>
    public required WinRateMetrics WinRate { get; init; }

    /// <summary>Mean, median and percentiles of won deal values.</summary>
    public required MoneyStatistics AverageTicket { get; init; }

    /// <summary>Number and value of won deals.</summary>
    public required SalesVolume Volume { get; init; }

    /// <summary>Open, weighted pipeline and coverage of the quota.</summary>
    public required PipelineMetrics Pipeline { get; init; }

    /// <summary>Sales velocity (value per day).</summary>
    public required SalesVelocity Velocity { get; init; }
}
