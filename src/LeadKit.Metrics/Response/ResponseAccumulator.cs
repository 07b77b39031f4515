using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Statistics;

namespace LeadKit.Metrics.Response;

/// <summary>
/// The untouched leads of one segment; the response times themselves are kept by the run, sorted once for every
/// segment (see <see cref="ResponseTimeMetrics"/> for the formulas).
/// </summary>
internal sealed class ResponseAccumulator
{
    public long Untouched { get; private set; }

    /// <summary>Counts a lead with a response start but no first touch.</summary>
    public void AddUntouched() => Untouched++;

    public void AddFrom(ResponseAccumulator other) => Untouched += other.Untouched;

    /// <summary>Builds the metrics from this segment's sorted response times.</summary>
    public ResponseTimeMetrics Build(ReadOnlySpan<long> sorted, TimeSpan sla)
    {
        // Values are sorted: the number within the SLA is the index of the first value above it.
        var limit = sla.Ticks;
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= limit)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return new ResponseTimeMetrics
        {
            Time = DurationStatistics.FromSorted(sorted),
            WithinSla = new Rate(lo, sorted.Length),
            Sla = sla,
            Untouched = Untouched,
        };
    }
}
