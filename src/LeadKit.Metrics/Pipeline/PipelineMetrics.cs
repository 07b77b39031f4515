using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Reports;

namespace LeadKit.Metrics.Pipeline;

/// <summary>The open pipeline in one currency: open deals, their value, the weighted value and coverage of a quota.</summary>
/// <remarks>
/// <para>
/// <c>Weighted = OpenValue × won / (won + lost)</c>: each open deal weighted by the segment's historical win rate by
/// count in this currency (<see langword="null"/> without closed deals).
/// <c>Coverage = OpenValue / Quota</c> (a multiple: 3 means the pipeline is three times the quota); no data without a quota.
/// </para>
/// <para>An immutable value; thread-safe.</para>
/// </remarks>
public sealed class PipelineMetrics
{
    /// <summary>The number of open deals.</summary>
    public required long OpenDeals { get; init; }

    /// <summary>Σ value of the open deals.</summary>
    public required decimal OpenValue { get; init; }

    /// <summary>OpenValue × historical win rate, or <see langword="null"/> without closed deals.</summary>
    public required decimal? Weighted { get; init; }

    /// <summary>The quota for this currency, when one was configured.</summary>
    public required decimal? Quota { get; init; }

    /// <summary>OpenValue / Quota.</summary>
    public required Ratio Coverage { get; init; }

    /// <summary>Computes the pipeline of one segment's open deals in one currency.</summary>
    /// <param name="t">The segment's deal totals in the currency.</param>
    /// <param name="quota">The quota of the segment in the currency, when one was configured.</param>
    internal static PipelineMetrics From(DealTotals t, decimal? quota) => new()
    {
        OpenDeals = t.Open,
        OpenValue = t.OpenValue,
        Weighted = t.Closed > 0 ? t.OpenValue * t.Won / t.Closed : null,
        Quota = quota,
        Coverage = quota is { } q ? new Ratio(t.OpenValue, q) : Ratio.NoData,
    };
}
