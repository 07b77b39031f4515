using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Metrics.Statistics;

namespace LeadKit.Metrics.Tests.Statistics;

public sealed class DurationStatisticsTests
{
    [Fact]
    public void FromSorted_EvenCount_MedianIsMidpointRoundedToTick()
    {
        long[] ticks = [1, 2, 4, 7];

        var stats = DurationStatistics.FromSorted(ticks, 14);

        Assert.Equal(TimeSpan.FromTicks(3), stats.Median);
        Assert.Equal(TimeSpan.FromTicks(4), stats.Mean); // 14 / 4 = 3.5 rounds half to even
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool FromSorted_AnyValues_MeanBetweenMinAndMaxMedianBetweenQuartiles(long[] values)
    {
        Array.Sort(values);
        Int128 sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        var s = DurationStatistics.FromSorted(values, sum);
        return values.Length == 0
            ? !s.HasData && s.Mean is null
            : s.Min <= s.Mean && s.Mean <= s.Max && s.P25 <= s.Median && s.Median <= s.P75 && s.P75 <= s.P90 && s.P90 <= s.Max;
    }

    public static class Arbitraries
    {
        public static Arbitrary<long[]> Ticks() =>
            Gen.Choose(0, int.MaxValue).Select(v => (long)v * 4096).ArrayOf().ToArbitrary();
    }
}
