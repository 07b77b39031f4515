using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Scoring.Decay;

namespace LeadKit.Scoring.Tests.Decay;

public class DecayFunctionTests
{
    [Fact]
    public void Factor_EachKind_FollowsItsFormula()
    {
        var day = TimeSpan.FromDays(1);
        Assert.Equal(1, DecayFunction.None.Factor(day * 1000));
        Assert.Equal(0.75, DecayFunction.Linear(day * 40).Factor(day * 10), 12);
        Assert.Equal(0, DecayFunction.Linear(day * 40).Factor(day * 50));
        Assert.Equal(0.25, DecayFunction.HalfLife(day * 10).Factor(day * 20), 12);
        Assert.Equal(1, DecayFunction.SlidingWindow(day * 30).Factor(day * 30));
        Assert.Equal(0, DecayFunction.SlidingWindow(day * 30).Factor(day * 31));
        var step = DecayFunction.Step(new DecayStep(day * 30, 0.5), new DecayStep(day * 90, 0.1));
        Assert.Equal(1, step.Factor(day * 29));
        Assert.Equal(0.5, step.Factor(day * 30));
        Assert.Equal(0.1, step.Factor(day * 365));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Factor_OlderSignal_NeverWeighsMoreAndStaysWithinZeroAndOne(DecayFunction decay, NonNegativeInt hoursA, NonNegativeInt hoursB)
    {
        var younger = TimeSpan.FromHours(Math.Min(hoursA.Get, hoursB.Get));
        var older = TimeSpan.FromHours(Math.Max(hoursA.Get, hoursB.Get));
        var fy = decay.Factor(younger);
        var fo = decay.Factor(older);
        return fo <= fy && fo >= 0 && fy <= 1;
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Factor_TimesPoints_NeverChangesTheSign(DecayFunction decay, NonNegativeInt hours, int points)
    {
        var decayed = points * decay.Factor(TimeSpan.FromHours(hours.Get));
        return points >= 0 ? decayed >= 0 : decayed <= 0;
    }

    public static class Arbitraries
    {
        public static Arbitrary<DecayFunction> Decays() => Arb.From(Model.ScoringModelPropertyTests.Arbitraries.Decays);
    }
}
