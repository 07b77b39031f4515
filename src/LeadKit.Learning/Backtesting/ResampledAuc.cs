namespace LeadKit.Learning.Backtesting;

/// <summary>
/// Computes the AUC of a bootstrap resample in O(n) from multiplicities, instead of sorting each resample: the
/// negatives are sorted once, and each positive knows how many negatives score below it and how many tie with it.
/// </summary>
internal sealed class ResampledAuc
{
    private readonly int[] _belowEnd;
    private readonly int[] _tieEnd;
    private readonly int[] _negativeOrder;
    private readonly long[] _cumulative;

    public ResampledAuc(double[] positives, double[] negatives)
    {
        _negativeOrder = new int[negatives.Length];
        for (var i = 0; i < _negativeOrder.Length; i++)
        {
            _negativeOrder[i] = i;
        }

        var sorted = (double[])negatives.Clone();
        Array.Sort(sorted, _negativeOrder);
        _belowEnd = new int[positives.Length];
        _tieEnd = new int[positives.Length];
        for (var i = 0; i < positives.Length; i++)
        {
            _belowEnd[i] = LowerBound(sorted, positives[i]);
            _tieEnd[i] = UpperBound(sorted, positives[i]);
        }

        _cumulative = new long[negatives.Length + 1];
    }

    /// <summary>AUC of the resample where positive i appears positiveCounts[i] times and negative j negativeCounts[j] times.</summary>
    public double Auc(int[] positiveCounts, int[] negativeCounts)
    {
        // _cumulative[k] = multiplicity of the k lowest-scoring negatives.
        for (var k = 0; k < _negativeOrder.Length; k++)
        {
            _cumulative[k + 1] = _cumulative[k] + negativeCounts[_negativeOrder[k]];
        }

        double wins = 0;
        long positives = 0;
        for (var i = 0; i < positiveCounts.Length; i++)
        {
            var count = positiveCounts[i];
            if (count == 0)
            {
                continue;
            }

            var below = _cumulative[_belowEnd[i]];
            var ties = _cumulative[_tieEnd[i]] - below;
            wins += count * (below + (0.5 * ties));
            positives += count;
        }

        return wins / (positives * (double)_cumulative[_negativeOrder.Length]);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
