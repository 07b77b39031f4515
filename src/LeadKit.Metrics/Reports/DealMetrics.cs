using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Reports;

/// <summary>The deal KPIs of one segment: counts across currencies and every money KPI per currency.</summary>
/// <remarks>
/// Won and lost deals belong to the period they closed in; open deals belong to no period (the pipeline is the
/// current state), so period segments have no open deals. An immutable value; thread-safe.
/// </remarks>
/// <param name="Won">Won deals.</param>
/// <param name="Lost">Lost deals.</param>
/// <param name="Open">Open deals.</param>
/// <param name="WinRateByCount">won / (won + lost) across currencies.</param>
/// <param name="ByCurrency">Money KPIs per currency, ordered by currency code.</param>
public sealed record DealMetrics(long Won, long Lost, long Open, Rate WinRateByCount, IReadOnlyList<CurrencyDealMetrics> ByCurrency);
