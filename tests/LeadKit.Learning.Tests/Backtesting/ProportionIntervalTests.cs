using LeadKit.Learning.Backtesting;

namespace LeadKit.Learning.Tests.Backtesting;

public sealed class ProportionIntervalTests
{
    [Fact]
    public void Wilson_EightOfTen_MatchesTheTextbookInterval()
    {
        // p = 0.8, n = 10, z = 1.96: (0.8 + 0.19208 ± 1.96·sqrt(0.016 + 0.0009604)) / 1.38416.
        var interval = ProportionInterval.Wilson(8, 10);
        Assert.Equal(0.8, interval.Rate, 12);
        Assert.Equal(0.4901625, interval.Lower, 1e-6);
        Assert.Equal(0.9433178, interval.Upper, 1e-6);
    }

    [Fact]
    public void Wilson_NoSuccess_StartsAtZeroAndStaysAboveIt()
    {
        var interval = ProportionInterval.Wilson(0, 10);
        Assert.Equal(0, interval.Lower);
        Assert.Equal(0.2775328, interval.Upper, 1e-6);
    }

    [Fact]
    public void Wilson_OlistConversion_MatchesIndependentComputation()
    {
        // 842 of 8000 MQLs closed (PROVENANCE.md); interval computed independently in Python.
        var interval = ProportionInterval.Wilson(842, 8000);
        Assert.Equal(0.0987138, interval.Lower, 1e-6);
        Assert.Equal(0.1121651, interval.Upper, 1e-6);
    }

    [Fact]
    public void Wilson_NoTrials_IsTheWholeRange()
    {
        var interval = ProportionInterval.Wilson(0, 0);
        Assert.Equal((0.0, 0.0, 1.0), (interval.Rate, interval.Lower, interval.Upper));
    }

    [Fact]
    public void Wilson_MoreSuccessesThanTrials_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(11, 10));
        Assert.Equal("successes", ex.ParamName);
        Assert.Contains("(10)", ex.Message, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property]
    public bool Wilson_ContainsTheObservedRate(FsCheck.NonNegativeInt successes, FsCheck.PositiveInt extra)
    {
        var trials = successes.Get + extra.Get;
        var interval = ProportionInterval.Wilson(successes.Get, trials);
        return interval.Lower >= 0 && interval.Upper <= 1 && interval.Lower <= interval.Rate && interval.Rate <= interval.Upper;
    }
}
