using System.Globalization;

namespace LeadKit.Metrics.Statistics;

/// <summary>Summary of a set of non-negative durations: count, min, max, mean, median and percentiles.</summary>
/// <remarks>
/// <para>
/// Mean = Σ durations / Count (exact 128-bit tick sum, rounded to the nearest tick). Percentiles use linear interpolation
/// between closest ranks (type 7): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]), rounded to the nearest tick.
/// Median = p50. With no values <see cref="HasData"/> is <see langword="false"/> and every statistic is <see langword="null"/>.
/// </para>
/// <para>An immutable value; thread-safe.</para>
/// </remarks>
public sealed record DurationStatistics
{
    private DurationStatistics()
    {
    }

    /// <summary>Gets the explicit "no data" summary (zero values).</summary>
    public static DurationStatistics NoData { get; } = new();

    /// <summary>Gets the number of durations.</summary>
    public long Count { get; private init; }

    /// <summary>Gets a value indicating whether there is at least one duration.</summary>
    public bool HasData => Count > 0;

    /// <summary>Gets the shortest duration.</summary>
    public TimeSpan? Min { get; private init; }

    /// <summary>Gets the longest duration.</summary>
    public TimeSpan? Max { get; private init; }

    /// <summary>Gets the arithmetic mean.</summary>
    public TimeSpan? Mean { get; private init; }

    /// <summary>Gets the 25th percentile.</summary>
    public TimeSpan? P25 { get; private init; }

    /// <summary>Gets the median (50th percentile).</summary>
    public TimeSpan? Median { get; private init; }

    /// <summary>Gets the 75th percentile.</summary>
    public TimeSpan? P75 { get; private init; }

    /// <summary>Gets the 90th percentile.</summary>
    public TimeSpan? P90 { get; private init; }

    /// <summary>Formats the summary in days, e.g. <c>n=842 mean=49.10d median=14.65d p90=...</c>.</summary>
    /// <returns>The formatted summary.</returns>
    public override string ToString() => HasData
        ? string.Create(CultureInfo.InvariantCulture, $"n={Count} min={Min!.Value.TotalDays:F2}d mean={Mean!.Value.TotalDays:F2}d p25={P25!.Value.TotalDays:F2}d median={Median!.Value.TotalDays:F2}d p75={P75!.Value.TotalDays:F2}d p90={P90!.Value.TotalDays:F2}d max={Max!.Value.TotalDays:F2}d")
        : "no data (n=0)";

    /// <summary>Builds the summary from sorted ticks (summed exactly in 128 bits).</summary>
    internal static DurationStatistics FromSorted(ReadOnlySpan<long> sortedTicks)
    {
        Int128 sum = 0;
        foreach (var ticks in sortedTicks)
        {
            sum += ticks;
        }

        return FromSorted(sortedTicks, sum);
    }

    /// <summary>Builds the summary from sorted ticks and their exact sum.</summary>
    internal static DurationStatistics FromSorted(ReadOnlySpan<long> sortedTicks, Int128 sum)
    {
        if (sortedTicks.IsEmpty)
        {
            return NoData;
        }

        var n = sortedTicks.Length;
        return new DurationStatistics
        {
            Count = n,
            Min = TimeSpan.FromTicks(sortedTicks[0]),
            Max = TimeSpan.FromTicks(sortedTicks[n - 1]),
            Mean = TimeSpan.FromTicks((long)decimal.Round((decimal)sum / n, MidpointRounding.ToEven)),
            P25 = TimeSpan.FromTicks(Quantiles.Of(sortedTicks, 0.25m)),
            Median = TimeSpan.FromTicks(Quantiles.Of(sortedTicks, 0.5m)),
            P75 = TimeSpan.FromTicks(Quantiles.Of(sortedTicks, 0.75m)),
            P90 = TimeSpan.FromTicks(Quantiles.Of(sortedTicks, 0.9m)),
        };
    }
}
