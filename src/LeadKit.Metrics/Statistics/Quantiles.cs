namespace LeadKit.Metrics.Statistics;

/// <summary>
/// Percentiles of sorted values by linear interpolation between closest ranks (Hyndman–Fan type 7, the default of
/// NumPy, R and Excel's PERCENTILE.INC): h = (n − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
/// Computed in <see cref="decimal"/> so results are exact and independent of platform floating point.
/// </summary>
internal static class Quantiles
{
    public static decimal Of(ReadOnlySpan<decimal> sorted, decimal p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)decimal.Floor(h);
        var fraction = h - lo;
        return fraction == 0m || lo + 1 >= sorted.Length ? sorted[lo] : sorted[lo] + (fraction * (sorted[lo + 1] - sorted[lo]));
    }

    /// <summary>Percentile of sorted ticks, rounded to the nearest tick (halves to even).</summary>
    public static long Of(ReadOnlySpan<long> sorted, decimal p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)decimal.Floor(h);
        var fraction = h - lo;
        if (fraction == 0m || lo + 1 >= sorted.Length)
        {
            return sorted[lo];
        }

        return sorted[lo] + (long)decimal.Round(fraction * (sorted[lo + 1] - sorted[lo]), MidpointRounding.ToEven);
    }
}
