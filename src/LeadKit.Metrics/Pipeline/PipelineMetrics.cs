using LeadKit.Metrics.Rates;

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
/// <param name="OpenDeals">The number of open deals.</param>
/// <param name="OpenValue">Σ value of the open deals.</param>
/// <param name="Weighted">OpenValue × historical win rate, or <see langword="null"/> without closed deals.</param>
/// <param name="Quota">The quota for this currency, when one was configured.</param>
/// <param name="Coverage">OpenValue / Quota.</param>
public sealed record PipelineMetrics(long OpenDeals, decimal OpenValue, decimal? Weighted, decimal? Quota, Ratio Coverage);
