using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Tests.Rates;

public sealed class RateTests
{
    [Theory]
    [InlineData(1, 10, 0.1, 0.01787, 0.40415)]
    [InlineData(0, 10, 0.0, 0.0, 0.27753)]
    [InlineData(10, 10, 1.0, 0.72247, 1.0)]
    [InlineData(842, 8000, 0.10525, 0.09871, 0.11217)]
    public void Rate_KnownCounts_MatchPublishedWilsonIntervals(long k, long n, double value, double lower, double upper)
    {
        var rate = new Rate(k, n);

        Assert.True(rate.HasData);
        Assert.Equal(value, rate.Value!.Value, 5);
        Assert.Equal(lower, rate.Lower!.Value, 4);
        Assert.Equal(upper, rate.Upper!.Value, 4);
    }

    [Fact]
    public void Rate_ZeroDenominator_IsExplicitNoData()
    {
        var rate = new Rate(0, 0);

        Assert.False(rate.HasData);
        Assert.Null(rate.Value);
        Assert.Null(rate.Lower);
        Assert.Null(rate.Upper);
        Assert.Equal(Rate.NoData, rate);
        Assert.Equal("no data (0/0)", rate.ToString());
    }

    [Fact]
    public void Rate_ToString_ShowsCountsPercentAndInterval()
    {
        Assert.Equal("842/8000 = 10.53% (95% CI 9.87%..11.22%)", new Rate(842, 8000).ToString());
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    [InlineData(0, -1)]
    public void Rate_InvalidCounts_ThrowNamingTheValue(long k, long n)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(k, n));

        Assert.Contains(n < 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : k.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratio_ZeroDenominator_IsNoDataAndNotAnException()
    {
        var ratio = new Ratio(5m, 0m);

        Assert.False(ratio.HasData);
        Assert.Null(ratio.Value);
        Assert.Equal(2.5m, new Ratio(5m, 2m).Value);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Rate_AnyCounts_ValueInUnitIntervalAndInsideWilsonInterval(Counts counts)
    {
        var rate = new Rate(counts.Numerator, counts.Denominator);
        if (!rate.HasData)
        {
            return counts.Denominator == 0 && rate.Value is null;
        }

        var p = rate.Value!.Value;
        return p is >= 0d and <= 1d
            && rate.Lower!.Value >= 0d && rate.Upper!.Value <= 1d
            && rate.Lower.Value <= p && p <= rate.Upper.Value
            && double.IsFinite(rate.Lower.Value) && double.IsFinite(rate.Upper.Value);
    }

    /// <summary>Counts with 0 &lt;= numerator &lt;= denominator.</summary>
    public sealed record Counts(long Numerator, long Denominator);

    public static class Arbitraries
    {
        public static Arbitrary<Counts> Counts() =>
            Gen.OneOf(Gen.Choose(0, 20), Gen.Choose(0, 1_000_000))
                .SelectMany(n => Gen.OneOf(Gen.Constant(0), Gen.Constant(n), Gen.Choose(0, n)).Select(k => new Counts(k, n)))
                .ToArbitrary();
    }
}
