using FsCheck.Xunit;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Tests.Kernel;

public class HalfLifeFactorTests
{
    [Fact]
    public void Of_WholeAndHalfHalvings_IsTheExactPowerOfTwo()
    {
        Assert.Equal(1.0, HalfLifeFactor.Of(0));
        Assert.Equal(1.0, HalfLifeFactor.Of(-3));
        Assert.Equal(0.5, HalfLifeFactor.Of(1));
        Assert.Equal(0.25, HalfLifeFactor.Of(2));
        Assert.Equal(Math.Pow(2, -1000), HalfLifeFactor.Of(1000));
        Assert.Equal(Math.Sqrt(0.5), HalfLifeFactor.Of(0.5));
    }

    [Fact]
    public void Of_FromTheCutoff_IsZero()
    {
        Assert.True(HalfLifeFactor.Of(Math.BitDecrement(HalfLifeFactor.Cutoff)) > 0);
        Assert.Equal(0, HalfLifeFactor.Of(HalfLifeFactor.Cutoff));
        Assert.Equal(0, HalfLifeFactor.Of(double.MaxValue));
        Assert.Equal(0, HalfLifeFactor.Of(double.PositiveInfinity));
    }

    /// <summary>
    /// Within one table entry the factor is a decreasing polynomial; where the entry changes (t·64 crossing n + ½) two
    /// approximations meet, so every such place up to the cutoff is checked, with the neighbouring numbers on each side.
    /// </summary>
    [Fact]
    public void Of_WhereTheTableEntryChanges_NeverIncreases()
    {
        var increases = new List<double>();
        for (var n = 0; n < HalfLifeFactor.Cutoff * 64; n++)
        {
            var t = Math.BitDecrement(Math.BitDecrement(Math.BitDecrement((n + 0.5) / 64)));
            var previous = HalfLifeFactor.Of(t);
            for (var step = 0; step < 6; step++)
            {
                t = Math.BitIncrement(t);
                var factor = HalfLifeFactor.Of(t);
                if (factor > previous)
                {
                    increases.Add(t);
                }

                previous = factor;
            }
        }

        Assert.Empty(increases);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(3650)]
    public void Of_TickByTickAges_NeverIncreases(int halfLifeDays)
    {
        var rate = 1.0 / TimeSpan.FromDays(halfLifeDays).Ticks;
        var random = new Random(halfLifeDays);
        foreach (var start in new[] { 0L, random.NextInt64(TimeSpan.FromDays(halfLifeDays).Ticks * 40) })
        {
            var previous = HalfLifeFactor.Of(start * rate);
            for (var age = start + 1; age < start + 1_000_000; age++)
            {
                var factor = HalfLifeFactor.Of(age * rate);
                Assert.True(factor <= previous, $"age {age}: {factor:R} > {previous:R}");
                previous = factor;
            }
        }
    }

    [Property(MaxTest = 2000)]
    public bool Of_AnyNumberOfHalvings_IsWithinFourUnitsInTheLastPlaceOfPow(uint thousandths)
    {
        var t = thousandths % 1_000_000 / 1000.0;
        var expected = Math.Pow(2, -t);
        return Math.Abs(HalfLifeFactor.Of(t) - expected) <= 4 * (Math.BitIncrement(expected) - expected);
    }

    [Property]
    public bool Of_AdjacentNumbers_NeverIncreases(double t)
    {
        var at = Math.Abs(t) % HalfLifeFactor.Cutoff;
        return HalfLifeFactor.Of(Math.BitIncrement(at)) <= HalfLifeFactor.Of(at);
    }
}
