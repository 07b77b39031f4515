using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Reports;

/// <summary>The deal KPIs of one segment: counts across currencies and every money KPI per currency.</summary>
/// <remarks>
/// Won and lost deals belong to the period they closed in; open deals belong to no period (the pipeline is the
/// current state), so period segments have no open deals. An immutable value; thread-safe.
/// </remarks>
public sealed class DealMetrics
{
    /// <summary>Won deals.</summary>
    public required long Won { get; init; }

    /// <summary>Lost deals.</summary>
    public required long Lost { get; init; }

    /// <summary>Open deals.</summary>
    public required long Open { get; init; }

    /// <summary>won / (won + lost) across currencies.</summary>
    public required Rate WinRateByCount { get; init; }

    /// <summary>Money KPIs per currency, ordered by currency code.</summary>
    public required IReadOnlyList<CurrencyDealMetrics> ByCurrency { get; init; }
}
