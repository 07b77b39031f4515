namespace LeadKit.Learning.Backtesting;

/// <summary>The area under the ROC curve (AUC): how well scores rank converted leads above the others.</summary>
/// <remarks>
/// <para>
/// AUC is the probability that a randomly chosen converted lead scores higher than a randomly chosen lead that did
/// not convert, counting ties as one half. It is computed exactly with the Mann–Whitney rank-sum formula
/// <c>AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊ · n₋)</c>, where <c>R₊</c> is the sum of the ranks of the converted leads
/// among all scores and tied scores share their mid-rank (the average of the ranks they span).
/// </para>
/// <para>0.5 is a random ranking, 1 a perfect one, 0 a perfectly reversed one. Only the order of the scores matters:
/// any strictly increasing transformation of the scores gives the same AUC. Thread-safe; O(n log n).</para>
/// </remarks>
public static class RocAuc
{
    /// <summary>Computes the exact AUC with mid-ranks for ties.</summary>
    /// <param name="scores">The scores; finite numbers.</param>
    /// <param name="converted">Whether each lead converted; same length as <paramref name="scores"/>.</param>
    /// <returns>The AUC, in [0, 1].</returns>
    /// <exception cref="ArgumentException">
    /// The lengths differ, a score is NaN or infinite, or there is no converted or no non-converted lead.
    /// </exception>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> converted)
    {
        if (scores.Length != converted.Length)
        {
            throw new ArgumentException($"scores has {scores.Length} values but converted has {converted.Length}; they must be the same length.", nameof(converted));
        }

        var positives = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"scores[{i}] is {scores[i]}; every score must be a finite number.", nameof(scores));
            }

            if (converted[i])
            {
                positives++;
            }
        }

        var negatives = scores.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException(
                $"AUC needs both converted and non-converted leads (had {positives} converted and {negatives} not converted).", nameof(converted));
        }

        var keys = scores.ToArray();
        var labels = converted.ToArray();
        Array.Sort(keys, labels);
        return FromSorted(keys, labels, positives);
    }

    /// <summary>Computes the AUC from scores sorted ascending with their labels; <paramref name="positives"/> counts the true labels.</summary>
    internal static double FromSorted(ReadOnlySpan<double> sortedScores, ReadOnlySpan<bool> labels, int positives)
    {
        var n = sortedScores.Length;
        double rankSum = 0;
        var i = 0;
        while (i < n)
        {
            var j = i;
            var groupPositives = 0;
            while (j < n && sortedScores[j] == sortedScores[i])
            {
                if (labels[j])
                {
                    groupPositives++;
                }

                j++;
            }

            // Ranks i+1 .. j share the mid-rank (i + 1 + j) / 2.
            rankSum += groupPositives * ((i + 1 + j) / 2.0);
            i = j;
        }

        double pos = positives;
        double neg = n - positives;
        var auc = (rankSum - (pos * (pos + 1) / 2)) / (pos * neg);
        return Math.Clamp(auc, 0, 1);
    }
}
