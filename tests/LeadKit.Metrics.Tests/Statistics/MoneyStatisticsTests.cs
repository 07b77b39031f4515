using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;
using LeadKit.Metrics.Statistics;

namespace LeadKit.Metrics.Tests.Statistics;

public sealed class MoneyStatisticsTests
{
    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool FromSorted_AnyAmounts_MeanBetweenMinAndMaxMedianBetweenQuartiles(decimal[] amounts)
    {
        Array.Sort(amounts);
        var s = MoneyStatistics.FromSorted(CurrencyCode.Eur, amounts, amounts.Sum());
        return amounts.Length == 0
            ? !s.HasData && s.Sum == 0m
            : s.Min <= s.Mean && s.Mean <= s.Max && s.P25 <= s.Median && s.Median <= s.P75 && s.P75 <= s.P90 && s.P90 <= s.Max;
    }

    public static class Arbitraries
    {
        public static Arbitrary<decimal[]> Amounts() =>
            Gen.Choose(0, int.MaxValue).Select(v => v / 100m).ArrayOf().ToArbitrary();
    }
}
