using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Velocity;

/// <summary>Sales velocity in one currency: the value the pipeline turns into revenue per day.</summary>
/// <remarks>
/// <para>
/// <c>ValuePerDay = OpenOpportunities × AverageDealValue × WinRate / MeanCycleDays</c>, where AverageDealValue is the
/// mean value of won deals, WinRate = won / (won + lost) and MeanCycleDays the mean days from opening to winning of
/// won deals. Since AverageDealValue × WinRate = Σ won value / (won + lost), it is computed exactly as
/// <c>OpenOpportunities × Σ won value / (won + lost) / MeanCycleDays</c> in decimal.
/// </para>
/// <para><see langword="null"/> (no data) without won deals or when the mean cycle is zero. An immutable value; thread-safe.</para>
/// </remarks>
/// <param name="OpenOpportunities">The number of open deals.</param>
/// <param name="AverageDealValue">Mean value of won deals, or <see langword="null"/> without won deals.</param>
/// <param name="WinRate">won / (won + lost).</param>
/// <param name="MeanCycleDays">Mean days from opening to winning of won deals, or <see langword="null"/> without won deals.</param>
/// <param name="ValuePerDay">The velocity, or <see langword="null"/> without data.</param>
public sealed record SalesVelocity(long OpenOpportunities, decimal? AverageDealValue, Rate WinRate, decimal? MeanCycleDays, decimal? ValuePerDay);
