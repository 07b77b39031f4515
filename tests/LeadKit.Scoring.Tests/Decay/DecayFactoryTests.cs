using LeadKit.Scoring.Decay;

namespace LeadKit.Scoring.Tests.Decay;

/// <summary>The factories refuse parameters that would give a factor outside [0, 1] or NaN (issue 17, D16).</summary>
public class DecayFactoryTests
{
    public static TheoryData<double> NotPositiveDays => [0, -1, -0.0001];

    [Theory]
    [MemberData(nameof(NotPositiveDays))]
    public void DurationFactories_NotPositive_Throw(double days)
    {
        var duration = TimeSpan.FromDays(days);

        Assert.Equal("lifetime", Assert.Throws<ArgumentOutOfRangeException>(() => DecayFunction.Linear(duration)).ParamName);
        Assert.Equal("halfLife", Assert.Throws<ArgumentOutOfRangeException>(() => DecayFunction.HalfLife(duration)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => DecayFunction.SlidingWindow(duration)).ParamName);
    }

    [Fact]
    public void Linear_ZeroOrNegativeLifetime_NeverGivesNaNOrMoreThanOne()
    {
        // Before the fix: Linear(0).Factor(0) was NaN and Linear(-1 day).Factor(1 day) was 2 (3 at two days).
        Assert.ThrowsAny<ArgumentException>(() => DecayFunction.Linear(TimeSpan.Zero).Factor(TimeSpan.Zero));
        Assert.ThrowsAny<ArgumentException>(() => DecayFunction.Linear(TimeSpan.FromDays(-1)).Factor(TimeSpan.FromDays(2)));
    }

    public static TheoryData<DecayStep[]> InvalidSteps => new()
    {
        Array.Empty<DecayStep>(),
        new[] { new DecayStep(TimeSpan.Zero, 0.5) },
        new[] { new DecayStep(TimeSpan.FromDays(-3), 0.5) },
        new[] { new DecayStep(TimeSpan.FromDays(3), 1.5) },
        new[] { new DecayStep(TimeSpan.FromDays(3), -0.1) },
        new[] { new DecayStep(TimeSpan.FromDays(3), double.NaN) },
        new[] { new DecayStep(TimeSpan.FromDays(3), 0.5), new DecayStep(TimeSpan.FromDays(2), 0.1) },
        new[] { new DecayStep(TimeSpan.FromDays(3), 0.5), new DecayStep(TimeSpan.FromDays(9), 0.7) },
    };

    [Theory]
    [MemberData(nameof(InvalidSteps))]
    public void Step_InvalidSteps_Throws(DecayStep[] steps)
        => Assert.Equal("steps", Assert.Throws<ArgumentException>(() => DecayFunction.Step(steps)).ParamName);

    [Fact]
    public void Factories_ValidParameters_StillWork()
    {
        Assert.Equal(0.5, DecayFunction.Linear(TimeSpan.FromDays(2)).Factor(TimeSpan.FromDays(1)), 12);
        Assert.Equal(0.5, DecayFunction.HalfLife(TimeSpan.FromTicks(1)).Factor(TimeSpan.FromTicks(1)), 12);
        Assert.Equal(1, DecayFunction.SlidingWindow(TimeSpan.FromDays(1)).Factor(TimeSpan.FromDays(1)));
        Assert.Equal(0, DecayFunction.Step(new DecayStep(TimeSpan.FromDays(1), 1), new DecayStep(TimeSpan.FromDays(2), 0)).Factor(TimeSpan.FromDays(5)));
    }
}
