using LeadKit.Abstractions.Configuration;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Temperatures;
using LeadKit.Testing;
using TemperatureLevel = LeadKit.Abstractions.Qualification.Temperature;

namespace LeadKit.Scoring.Tests.Temperatures;

public class TemperatureClassifierTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    [Theory]
    [InlineData(0, TemperatureLevel.Cold)]
    [InlineData(200, TemperatureLevel.Cold)]
    [InlineData(60, TemperatureLevel.Warm)]
    [InlineData(75, TemperatureLevel.Warm)]
    [InlineData(14, TemperatureLevel.Hot)]
    [InlineData(-1, TemperatureLevel.Hot)]
    public void Classify_Timeframe_FollowsSalesPractice(int days, TemperatureLevel expected)
    {
        var timeframe = days switch { 0 => PurchaseTimeframe.NotStated, < 0 => PurchaseTimeframe.Immediate, _ => PurchaseTimeframe.WithinDays(days) };
        var lead = LeadBuilder.New().WithTimeframe(timeframe).Build();

        Assert.Equal(expected, new TemperatureClassifier().Classify(lead, default, Now));
    }

    [Fact]
    public void Classify_RecentDemoRequest_IsHot_OldOneIsNot()
    {
        var classifier = new TemperatureClassifier();

        Assert.Equal(TemperatureLevel.Hot, classifier.Classify(LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 2).Build(), default, Now));
        Assert.Equal(TemperatureLevel.Cold, classifier.Classify(LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 40).Build(), default, Now));
    }

    [Fact]
    public void Classify_ScoreThresholds_RaiseTheTemperature()
    {
        var classifier = new TemperatureClassifier(new TemperatureOptions { WarmEngagementScore = 20, HotEngagementScore = 50 });
        var lead = LeadBuilder.New().Build();

        Assert.Equal(TemperatureLevel.Cold, classifier.Classify(lead, new LeadScore(0, 19, 19), Now));
        Assert.Equal(TemperatureLevel.Warm, classifier.Classify(lead, new LeadScore(0, 20, 20), Now));
        Assert.Equal(TemperatureLevel.Hot, classifier.Classify(lead, new LeadScore(0, 50, 50), Now));
    }

    [Fact]
    public void Classify_WithHysteresis_DoesNotFlipNearTheThreshold()
    {
        var classifier = new TemperatureClassifier(new TemperatureOptions { WarmEngagementScore = 20, HotEngagementScore = 50, Hysteresis = 5 });
        var lead = LeadBuilder.New().Build();

        Assert.Equal(TemperatureLevel.Hot, classifier.Classify(lead, new LeadScore(0, 46, 46), Now, previous: TemperatureLevel.Hot));
        Assert.Equal(TemperatureLevel.Warm, classifier.Classify(lead, new LeadScore(0, 44, 44), Now, previous: TemperatureLevel.Hot));
        Assert.Equal(TemperatureLevel.Warm, classifier.Classify(lead, new LeadScore(0, 46, 46), Now, previous: TemperatureLevel.Warm));
        Assert.Equal(TemperatureLevel.Warm, classifier.Classify(lead, new LeadScore(0, 16, 16), Now, previous: TemperatureLevel.Warm));
        Assert.Equal(TemperatureLevel.Cold, classifier.Classify(lead, new LeadScore(0, 14, 14), Now, previous: TemperatureLevel.Warm));
    }

    [Fact]
    public void AddDistances_BelowHot_SaysHowManyEngagementPointsAreMissing()
    {
        var classifier = new TemperatureClassifier(new TemperatureOptions { WarmEngagementScore = 20, HotEngagementScore = 50 });
        var distances = new List<ThresholdDistance>();

        classifier.AddDistances(LeadBuilder.New().Build(), new LeadScore(10, 38, 48), Now, distances);

        var hot = Assert.Single(distances);
        Assert.Equal("+12 engagement points would make this lead hot", hot.ToString());
    }

    [Fact]
    public void Options_WarmShorterThanHot_AreRejectedNamingTheOption()
    {
        var ex = Assert.Throws<ConfigurationException>(() => new TemperatureClassifier(new TemperatureOptions { HotWithinDays = 30, WarmWithinDays = 10 }));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("TemperatureOptions.WarmWithinDays", problem.Path);
        Assert.Equal(ConfigurationProblemCodes.Conflict, problem.Code);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Classify_MoreImmediateIntent_IsNeverColder(PurchaseTimeframe a, PurchaseTimeframe b)
    {
        var (less, more) = Urgency(a) <= Urgency(b) ? (a, b) : (b, a);
        var classifier = new TemperatureClassifier();
        return classifier.Classify(LeadBuilder.New().WithTimeframe(less).Build(), default, Now)
            <= classifier.Classify(LeadBuilder.New().WithTimeframe(more).Build(), default, Now);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Classify_AddingAnIntentSignal_IsNeverColder(PurchaseTimeframe timeframe, PositiveInt daysAgo)
    {
        var classifier = new TemperatureClassifier();
        var without = LeadBuilder.New().WithTimeframe(timeframe).Build();
        var with = LeadBuilder.New().WithTimeframe(timeframe).Did(EngagementSignalKind.DemoRequested, daysAgo.Get % 60).Build();
        return classifier.Classify(without, default, Now) <= classifier.Classify(with, default, Now);
    }

    private static int Urgency(PurchaseTimeframe timeframe) => timeframe.Kind switch
    {
        PurchaseTimeframeKind.Immediate => int.MaxValue,
        PurchaseTimeframeKind.WithinDays => int.MaxValue - 1 - timeframe.Days,
        _ => 0,
    };

    public static class Arbitraries
    {
        public static Arbitrary<PurchaseTimeframe> Timeframes() => Arb.From(Gen.OneOf(
            Gen.Constant(PurchaseTimeframe.NotStated),
            Gen.Constant(PurchaseTimeframe.Immediate),
            Gen.Choose(1, 400).Select(PurchaseTimeframe.WithinDays)));
    }
}
