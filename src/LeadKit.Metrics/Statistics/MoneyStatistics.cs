using System.Globalization;
using LeadKit.Abstractions.Common;

namespace LeadKit.Metrics.Statistics;

/// <summary>Summary of amounts in ONE currency: count, sum, min, max, mean, median and percentiles.</summary>
/// <remarks>
/// <para>
/// Sum = Σ amounts (decimal; an overflow throws <see cref="OverflowException"/>, never wraps). Mean = Sum / Count.
/// Percentiles use linear interpolation between closest ranks (type 7), exactly in <see cref="decimal"/>.
/// Amounts of different currencies are never combined. With no amounts <see cref="HasData"/> is <see langword="false"/>
/// and the statistics other than <see cref="Sum"/> (0) are <see langword="null"/>.
/// </para>
/// <para>An immutable value; thread-safe.</para>
/// </remarks>
public sealed record MoneyStatistics
{
    private MoneyStatistics(CurrencyCode currency)
    {
        Currency = currency;
    }

    /// <summary>Gets the currency of every amount.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>Gets the number of amounts.</summary>
    public long Count { get; private init; }

    /// <summary>Gets a value indicating whether there is at least one amount.</summary>
    public bool HasData => Count > 0;

    /// <summary>Gets the sum of the amounts (0 without data).</summary>
    public decimal Sum { get; private init; }

    /// <summary>Gets the smallest amount.</summary>
    public decimal? Min { get; private init; }

    /// <summary>Gets the largest amount.</summary>
    public decimal? Max { get; private init; }

    /// <summary>Gets the mean (Sum / Count): the average ticket when the amounts are won deals.</summary>
    public decimal? Mean { get; private init; }

    /// <summary>Gets the 25th percentile.</summary>
    public decimal? P25 { get; private init; }

    /// <summary>Gets the median (50th percentile).</summary>
    public decimal? Median { get; private init; }

    /// <summary>Gets the 75th percentile.</summary>
    public decimal? P75 { get; private init; }

    /// <summary>Gets the 90th percentile.</summary>
    public decimal? P90 { get; private init; }

    /// <summary>Formats the summary.</summary>
    /// <returns>The formatted summary.</returns>
    public override string ToString() => HasData
        ? string.Create(CultureInfo.InvariantCulture, $"{Currency} n={Count} sum={Sum} mean={Mean} median={Median} p90={P90}")
        : string.Create(CultureInfo.InvariantCulture, $"{Currency} no data (n=0)");

    /// <summary>Creates the "no data" summary of a currency.</summary>
    internal static MoneyStatistics NoData(CurrencyCode currency) => new(currency);

    /// <summary>Builds the summary from sorted amounts and their sum.</summary>
    internal static MoneyStatistics FromSorted(CurrencyCode currency, ReadOnlySpan<decimal> sorted, decimal sum)
    {
        if (sorted.IsEmpty)
        {
            return NoData(currency);
        }

        var n = sorted.Length;
        return new MoneyStatistics(currency)
        {
            Count = n,
            Sum = sum,
            Min = sorted[0],
            Max = sorted[n - 1],
            Mean = sum / n,
            P25 = Quantiles.Of(sorted, 0.25m),
            Median = Quantiles.Of(sorted, 0.5m),
            P75 = Quantiles.Of(sorted, 0.75m),
            P90 = Quantiles.Of(sorted, 0.9m),
        };
    }
}
