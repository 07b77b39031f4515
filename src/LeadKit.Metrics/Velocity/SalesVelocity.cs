using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Reports;

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
public sealed class SalesVelocity
{
    /// <summary>The number of open deals.</summary>
    public required long OpenOpportunities { get; init; }

    /// <summary>Mean value of won deals, or <see langword="null"/> without won deals.</summary>
    public required decimal? AverageDealValue { get; init; }

    /// <summary>won / (won + lost).</summary>
    public required Rate WinRate { get; init; }

    /// <summary>Mean days from opening to winning of won deals, or <see langword="null"/> without won deals.</summary>
    public required decimal? MeanCycleDays { get; init; }

    /// <summary>The velocity, or <see langword="null"/> without data.</summary>
    public required decimal? ValuePerDay { get; init; }

    /// <summary>Computes the velocity of one segment's deals in one currency.</summary>
    internal static SalesVelocity From(DealTotals t)
    {
        decimal? meanCycleDays = t.Won > 0 ? (decimal)t.WonCycleTicks / t.Won / TimeSpan.TicksPerDay : null;
        return new SalesVelocity
        {
            OpenOpportunities = t.Open,
            AverageDealValue = t.Won > 0 ? t.WonValue / t.Won : null,
            WinRate = new Rate(t.Won, t.Closed),
            MeanCycleDays = meanCycleDays,
            ValuePerDay = t.Won > 0 && meanCycleDays > 0m ? t.Open * t.WonValue / t.Closed / meanCycleDays.Value : null,
        };
    }
}
