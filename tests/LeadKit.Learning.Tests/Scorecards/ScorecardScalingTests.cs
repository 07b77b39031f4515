using LeadKit.Learning.Scorecards;

namespace LeadKit.Learning.Tests.Scorecards;

public sealed class ScorecardScalingTests
{
    [Fact]
    public void FactorAndOffset_TextbookCreditScorecard_MatchHandComputation()
    {
        // 600 points at odds 50:1, 20 points to double the odds: Factor = 20 / ln 2, Offset = 600 − Factor · ln 50.
        var scaling = new ScorecardScaling(600, 50, 20);
        Assert.Equal(28.853901, scaling.Factor, 1e-6);
        Assert.Equal(487.122876, scaling.Offset, 1e-6);
    }

    [Fact]
    public void ProbabilityAt_BaseScoreAndDoubling_GiveTheBaseOddsAndTwiceThem()
    {
        var scaling = new ScorecardScaling(600, 50, 20);
        var atBase = scaling.ProbabilityAt(600);
        var twenty = scaling.ProbabilityAt(620);
        Assert.Equal(50, atBase / (1 - atBase), 9);
        Assert.Equal(100, twenty / (1 - twenty), 9);
    }

    [Fact]
    public void Default_IsFiftyPointsAtEvenOddsAndTenToDouble()
    {
        Assert.Equal(0.5, ScorecardScaling.Default.ProbabilityAt(50), 12);
        Assert.Equal(10 / Math.Log(2), ScorecardScaling.Default.Factor, 12);
    }
}
