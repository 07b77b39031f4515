using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LeadKit.Scoring.Tests.Model;

public class ScoringModelTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    [Fact]
    public void Score_ReferralFromExistingCustomer_GetsReferralPoints()
    {
        var model = SalesModels.B2B();
        var referral = LeadBuilder.New().From(LeadSource.Referral).OfAccount("acct-1").Build();
        var website = LeadBuilder.New().From(LeadSource.WebsiteForm).OfAccount("acct-1").Build();

        Assert.Equal(20, model.Score(referral, Now).Fit - model.Score(website, Now).Fit, 9);
    }

    [Fact]
    public void Score_UnsubscribedLead_LosesPoints()
    {
        var model = SalesModels.B2B();
        var engaged = LeadBuilder.New().Did(EngagementSignalKind.WebinarAttended, daysAgo: 2);
        var before = model.Score(engaged.Build(), Now);
        var after = model.Score(engaged.Did(EngagementSignalKind.Unsubscribed, daysAgo: 1).Build(), Now);

        Assert.Equal(before.Engagement - 20, after.Engagement, 9);
        Assert.True(after.Total < before.Total);
    }

    [Fact]
    public void Score_PurchasedListWithoutEngagement_HasNegativeSourcePointsAndNoEngagement()
    {
        var model = SalesModels.B2B();
        var lead = LeadBuilder.New().From(LeadSource.PurchasedList).CreatedDaysAgo(5).Build();

        var score = model.Score(lead, Now);

        Assert.Equal(-10, score.Fit, 9);
        Assert.Equal(0, score.Engagement, 9);
    }

    [Fact]
    public void Score_GroupCap_LimitsWebActivityTo30Points()
    {
        var model = SalesModels.B2B();
        var lead = LeadBuilder.New()
            .DidTimes(EngagementSignalKind.PageView, 10, daysAgo: 0)
            .DidTimes(EngagementSignalKind.PricingPageView, 3, daysAgo: 0)
            .DidTimes(EngagementSignalKind.EmailClick, 5, daysAgo: 0)
            .Build();

        var card = model.Explain(lead, Now);

        var web = Assert.Single(card.Groups, g => g.Name == "web");
        Assert.True(web.RawPoints > 30);
        Assert.Equal(30, web.Points, 9);
        Assert.Equal(30, card.Score.Engagement, 9);
    }

    [Fact]
    public void Score_MaxOccurrences_CountsOnlyTheMostRecent()
    {
        var rule = new SignalRule("clicks", EngagementSignalKind.EmailClick, 10) { MaxOccurrences = 2, Decay = DecayFunction.Linear(TimeSpan.FromDays(10)) };
        var model = new ScoringModelBuilder().AddRule(rule).Build();
        var lead = LeadBuilder.New()
            .Did(EngagementSignalKind.EmailClick, daysAgo: 8)
            .Did(EngagementSignalKind.EmailClick, daysAgo: 1)
            .Did(EngagementSignalKind.EmailClick, daysAgo: 5)
            .Build();

        // Most recent two: 1 day (factor 0.9) and 5 days (factor 0.5).
        Assert.Equal(10 * (0.9 + 0.5), model.Score(lead, Now).Engagement, 9);
        Assert.Equal(model.Score(lead, Now).Engagement, rule.Evaluate(lead, Now), 12);
    }

    [Fact]
    public void Score_Window_IgnoresOlderSignalsAndFutureSignals()
    {
        var model = new ScoringModelBuilder().AddRule(SalesRules.Signal("views", EngagementSignalKind.PageView, 1, windowDays: 30)).Build();
        var lead = LeadBuilder.New()
            .Did(EngagementSignalKind.PageView, daysAgo: 29)
            .Did(EngagementSignalKind.PageView, daysAgo: 31)
            .Did(EngagementSignalKind.PageView, daysAgo: -2)
            .Build();

        Assert.Equal(1, model.Score(lead, Now).Engagement, 9);
    }

    [Fact]
    public void Score_AsOfInThePast_RecomputesAsOfThatDate()
    {
        var model = new ScoringModelBuilder().AddRule(new SignalRule("demo", EngagementSignalKind.DemoRequested, 20) { Decay = DecayFunction.HalfLife(TimeSpan.FromDays(10)) }).Build();
        var lead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 20).Build();

        Assert.Equal(20, model.Score(lead, Now.AddDays(-20)).Engagement, 9);
        Assert.Equal(10, model.Score(lead, Now.AddDays(-10)).Engagement, 9);
        Assert.Equal(5, model.Score(lead, Now).Engagement, 9);
        Assert.Equal(0, model.Score(lead, Now.AddDays(-21)).Engagement, 9);
    }

    [Fact]
    public void Score_WithoutAsOf_UsesTheTimeProvider()
    {
        var time = new FakeTimeProvider(Now);
        var model = new ScoringModelBuilder().WithTimeProvider(time).AddRule(new SignalRule("demo", EngagementSignalKind.DemoRequested, 20) { Decay = DecayFunction.Linear(TimeSpan.FromDays(10)) }).Build();
        var lead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 0).Build();

        Assert.Equal(20, model.Score(lead).Engagement, 9);
        time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(10, model.Score(lead).Engagement, 9);
    }

    [Fact]
    public void Score_GroupDecay_AppliesToRulesWithoutTheirOwn()
    {
        var model = new ScoringModelBuilder()
            .AddGroup(new ScoringGroup("g", ScoreDimension.Engagement) { Decay = DecayFunction.SlidingWindow(TimeSpan.FromDays(7)) })
            .AddRule(new SignalRule("inherits", EngagementSignalKind.PageView, 1), "g")
            .AddRule(new SignalRule("own", EngagementSignalKind.EmailClick, 1) { Decay = DecayFunction.None }, "g")
            .Build();
        var lead = LeadBuilder.New().Did(EngagementSignalKind.PageView, daysAgo: 10).Did(EngagementSignalKind.EmailClick, daysAgo: 10).Build();

        Assert.Equal(1, model.Score(lead, Now).Engagement, 9);
    }

    [Fact]
    public void Score_TotalLimits_ClipTheTotalOnly()
    {
        var model = new ScoringModelBuilder()
            .AddRule(SalesRules.Source("source", (LeadSource.Referral, 80)))
            .AddRule(SalesRules.Signal("demo", EngagementSignalKind.DemoRequested, 50))
            .WithTotalLimits(new ScoreLimits(0, 100))
            .Build();
        var lead = LeadBuilder.New().From(LeadSource.Referral).Did(EngagementSignalKind.DemoRequested).Build();

        Assert.Equal(new LeadScore(80, 50, 100), model.Score(lead, Now));
    }

    [Fact]
    public void Score_PluginRuleThrows_ThrowsScoringExceptionNamingTheRule()
    {
        var model = new ScoringModelBuilder().AddRule(new ThrowingRule()).Build();
        var lead = LeadBuilder.New().Build();

        var ex = Assert.Throws<ScoringException>(() => model.Score(lead, Now));

        Assert.Equal("flaky_enrichment", ex.RuleName);
        Assert.Contains("flaky_enrichment", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public void Score_PluginRuleReturnsNaN_ThrowsScoringException()
    {
        var model = new ScoringModelBuilder().AddRule(new FixedRule("nan", double.NaN)).Build();

        var ex = Assert.Throws<ScoringException>(() => model.Score(LeadBuilder.New().Build(), Now));

        Assert.Equal("nan", ex.RuleName);
    }

    [Fact]
    public void Score_PluginRule_CountsLikeABuiltIn()
    {
        var model = new ScoringModelBuilder()
            .AddGroup(new ScoringGroup("fit", ScoreDimension.Fit) { Limits = new(null, 12) })
            .AddRule(new FixedRule("plugin", 10), "fit")
            .AddRule(SalesRules.Source("source", (LeadSource.WebsiteForm, 5)), "fit")
            .Build();

        var card = model.Explain(LeadBuilder.New().Build(), Now);

        Assert.Equal(12, card.Score.Fit, 9);
        Assert.Contains(card.Rules, r => r.RuleName == "plugin" && r.Points == 10 && r.Group == "fit");
    }

    [Fact]
    public void Score_NullLead_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SalesModels.B2B().Score(null!, Now));
    }

    [Fact]
    public void ScoreBatch_EqualsScoringOneByOne()
    {
        var model = SalesModels.B2B();
        var leads = TestLeads.Generate(500, seed: 7);
        var batch = new LeadScore[leads.Length];
        var parallel = new LeadScore[leads.Length];

        model.ScoreBatch(leads, Now, batch);
        model.ScoreParallel(leads, Now, parallel, maxDegreeOfParallelism: 2);

        for (var i = 0; i < leads.Length; i++)
        {
            Assert.Equal(model.Score(leads[i], Now), batch[i]);
            Assert.Equal(batch[i], parallel[i]);
        }
    }

    [Fact]
    public void ScoreBatch_DestinationTooShort_Throws()
    {
        var leads = TestLeads.Generate(3, seed: 1);
        Assert.Throws<ArgumentException>(() => SalesModels.B2B().ScoreBatch(leads, Now, new LeadScore[2]));
    }

    [Fact]
    public void Inactivity_NoSignalFor60Days_CostsPoints()
    {
        var model = SalesModels.B2B();
        var quiet = LeadBuilder.New().CreatedDaysAgo(120).Did(EngagementSignalKind.EmailOpen, daysAgo: 90).Build();
        var active = LeadBuilder.New().CreatedDaysAgo(120).Did(EngagementSignalKind.EmailOpen, daysAgo: 10).Build();

        Assert.Equal(-15, model.Score(quiet, Now).Engagement, 9);
        Assert.Equal(0, model.Score(active, Now).Engagement, 9);
    }

    [Fact]
    public void Score_AfterWarmUp_AllocatesNothing_FromTheTablesOrCompiled()
    {
        var model = SalesModels.B2B();
        var leads = TestLeads.Generate(200, seed: 5);
        foreach (var lead in leads)
        {
            model.Score(lead, Now);
        }

        // 400 scores: the signal points still come from the tables.
        AssertScoringAllocatesNothing(model, leads);
        Assert.False(model.HasCompiledSignalPoints);

        // Past the count, the signal points are compiled in the background (one allocation, once); then none again.
        for (var i = 0; i < ScoringModel.ScoresBeforeCompiling; i++)
        {
            model.Score(leads[i % leads.Length], Now);
        }

        Assert.True(SpinWait.SpinUntil(() => model.HasCompiledSignalPoints, TimeSpan.FromSeconds(30)), "The signal points were not compiled within 30 s.");
        AssertScoringAllocatesNothing(model, leads);
    }

    private static void AssertScoringAllocatesNothing(ScoringModel model, Lead[] leads)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        foreach (var lead in leads)
        {
            sum += model.Score(lead, Now).Total;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(double.IsFinite(sum));
    }

    private sealed class ThrowingRule : IScoringRule
    {
        public string Name => "flaky_enrichment";

        public ScoreDimension Dimension => ScoreDimension.Fit;

        public double Evaluate(Lead lead, DateTimeOffset asOf) => throw new InvalidOperationException("enrichment service down");
    }

    private sealed class FixedRule(string name, double points) : IScoringRule
    {
        public string Name => name;

        public ScoreDimension Dimension => ScoreDimension.Fit;

        public double Evaluate(Lead lead, DateTimeOffset asOf) => points;
    }
}
