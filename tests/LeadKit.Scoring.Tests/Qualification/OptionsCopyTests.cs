using System.Collections;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Temperatures;

namespace LeadKit.Scoring.Tests.Qualification;

/// <summary>The copies a rule set's thresholds are applied to keep every option (a new option must be copied too).</summary>
public sealed class OptionsCopyTests
{
    [Fact]
    public void Of_QualificationOptions_CopiesEveryPublicProperty()
    {
        var source = new QualificationOptions
        {
            MqlRule = MqlRule.Total,
            MqlFitThreshold = 1,
            MqlEngagementThreshold = 2,
            MqlTotalThreshold = 3,
            SqlRequiredBant = BantCriteria.Timeline,
            ImmediateIntentSignals = [Abstractions.Engagement.EngagementSignalKind.PageView],
            ImmediateIntentMaxAge = TimeSpan.FromDays(3),
            BoughtFromCompetitorField = new("switched_vendor"),
        };

        AssertSameValues(source, OptionsCopy.Of(source), new QualificationOptions());
    }

    [Fact]
    public void Of_TemperatureOptions_CopiesEveryPublicProperty()
    {
        var source = new TemperatureOptions
        {
            HotWithinDays = 3,
            WarmWithinDays = 30,
            ImmediateIntentSignals = [Abstractions.Engagement.EngagementSignalKind.PageView],
            ImmediateIntentMaxAge = TimeSpan.FromDays(3),
            WarmEngagementScore = 5,
            HotEngagementScore = 9,
            Hysteresis = 2,
        };

        AssertSameValues(source, OptionsCopy.Of(source), new TemperatureOptions());
    }

    private static void AssertSameValues<T>(T source, T copy, T defaults)
        where T : class
    {
        Assert.NotSame(source, copy);
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite))
        {
            var expected = property.GetValue(source);
            var actual = property.GetValue(copy);

            // Every property is set away from its default above, so a property the copy forgets shows up here.
            Assert.False(Equivalent(expected, property.GetValue(defaults)), $"{property.Name} is not set in the test");
            Assert.True(Equivalent(expected, actual), $"{property.Name} was not copied");
            if (expected is IList)
            {
                Assert.NotSame(expected, actual);
            }
        }
    }

    private static bool Equivalent(object? a, object? b)
        => a is IEnumerable x && b is IEnumerable y && a is not string ? x.Cast<object>().SequenceEqual(y.Cast<object>()) : Equals(a, b);
}
