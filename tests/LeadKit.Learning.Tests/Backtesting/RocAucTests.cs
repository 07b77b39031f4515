using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Learning.Backtesting;

namespace LeadKit.Learning.Tests.Backtesting;

public sealed class RocAucTests
{
    [Fact]
    public void Compute_TinyCase_MatchesHandCountedPairs()
    {
        // Pairs (converted, not converted): 0.35 beats 0.1, loses to 0.4; 0.8 beats both: 3 of 4 pairs.
        var auc = RocAuc.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
        Assert.Equal(0.75, auc, 12);
    }

    [Fact]
    public void Compute_TiedScores_CountHalfThroughMidRanks()
    {
        // Converted 1 ties not-converted 1 (1/2); converted 2 beats it (1): (0.5 + 1) / 2.
        var auc = RocAuc.Compute([1, 1, 2], [true, false, true]);
        Assert.Equal(0.75, auc, 12);
    }

    [Fact]
    public void Compute_AllScoresEqual_IsOneHalf()
        => Assert.Equal(0.5, RocAuc.Compute([3, 3, 3, 3], [true, false, true, false]), 12);

    [Fact]
    public void Compute_NoConvertedLead_ThrowsNamingTheProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => RocAuc.Compute([1, 2], [false, false]));
        Assert.Contains("0 converted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NaNScore_ThrowsNamingTheIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => RocAuc.Compute([1, double.NaN], [true, false]));
        Assert.Contains("scores[1]", ex.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Compute_IsBetweenZeroAndOne(Sample sample)
    {
        var auc = RocAuc.Compute(sample.Scores, sample.Labels);
        return auc is >= 0 and <= 1;
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Compute_EqualsTheShareOfWinningPairs(Sample sample)
    {
        double wins = 0, pairs = 0;
        for (var i = 0; i < sample.Scores.Length; i++)
        {
            for (var j = 0; j < sample.Scores.Length; j++)
            {
                if (sample.Labels[i] && !sample.Labels[j])
                {
                    pairs++;
                    wins += sample.Scores[i] > sample.Scores[j] ? 1 : sample.Scores[i] == sample.Scores[j] ? 0.5 : 0;
                }
            }
        }

        return Math.Abs(RocAuc.Compute(sample.Scores, sample.Labels) - (wins / pairs)) < 1e-12;
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Compute_OfNegatedScores_IsOneMinusTheAuc(Sample sample)
    {
        var negated = sample.Scores.Select(s => -s).ToArray();
        return Math.Abs(RocAuc.Compute(negated, sample.Labels) - (1 - RocAuc.Compute(sample.Scores, sample.Labels))) < 1e-12;
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Compute_IsInvariantUnderStrictlyIncreasingTransforms(Sample sample)
    {
        // x³ + 2x + 5 and e^(x/10) are strictly increasing and exact enough on these small integers to keep the order.
        var cubic = sample.Scores.Select(s => (s * s * s) + (2 * s) + 5).ToArray();
        var exponential = sample.Scores.Select(s => Math.Exp(s / 10)).ToArray();
        var auc = RocAuc.Compute(sample.Scores, sample.Labels);
        return Math.Abs(RocAuc.Compute(cubic, sample.Labels) - auc) < 1e-12
            && Math.Abs(RocAuc.Compute(exponential, sample.Labels) - auc) < 1e-12;
    }

    /// <summary>Scores (small integers, so ties are common) with at least one converted and one non-converted lead.</summary>
    public sealed record Sample(double[] Scores, bool[] Labels)
    {
        public override string ToString() => $"scores [{string.Join(", ", Scores)}], labels [{string.Join(", ", Labels)}]";
    }

    public static class Arbitraries
    {
        public static Arbitrary<Sample> Sample() =>
            (from rest in Gen.Zip(Gen.Choose(-20, 20), Gen.Elements(true, false)).ArrayOf()
             from first in Gen.Choose(-20, 20)
             from second in Gen.Choose(-20, 20)
             select new Sample(
                 [first, second, .. rest.Select(p => (double)p.Item1)],
                 [true, false, .. rest.Select(p => p.Item2)]))
            .ToArbitrary();
    }
}
