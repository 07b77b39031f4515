using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.Temperatures;
using LeadKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadKit.Scoring.Tests.DependencyInjection;

public class ScoringServiceCollectionExtensionsTests
{
    private const string ValidJson = """{ "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": 25 } ] }""";
    private const string OtherJson = """{ "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": 40 } ] }""";
    private const string InvalidJson = """{ "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": "forty" } ] }""";

    private static readonly Lead DemoLead = LeadBuilder.New().From(LeadSource.Referral).Did(EngagementSignalKind.DemoRequested).Build();

    [Fact]
    public void AddLeadKitScoring_DefaultModel_ResolvesASingletonScorerWithPluginRules()
    {
        var services = new ServiceCollection()
            .AddLeadKitScoring(b => b.AddRule(SalesRules.Source("source", (LeadSource.Referral, 20))))
            .AddLeadKitScoringRule<ReferralBonusRule>()
            .AddLeadKitScoringRule<ReferralBonusRule>();
        using var provider = services.BuildServiceProvider();

        var scorer = provider.GetRequiredService<ILeadScorer>();

        Assert.Same(scorer, provider.GetRequiredService<ILeadScorer>());
        Assert.Equal(25, scorer.Score(DemoLead, LeadBuilder.Now).Fit);
        Assert.Single(provider.GetServices<IScoringRule>());
        Assert.NotNull(provider.GetRequiredService<ITemperatureClassifier>());
        Assert.NotNull(provider.GetRequiredService<IQualificationPolicy>());
    }

    [Fact]
    public void AddLeadKitScoring_CalledTwice_RegistersSharedServicesOnce()
    {
        var services = new ServiceCollection();
        services.AddLeadKitScoring(b => b.AddRule(SalesRules.Unsubscribed(-10)));
        var count = services.Count;
        services.AddLeadKitScoring(b => b.AddRule(SalesRules.EmailBounced(-5)));

        Assert.Equal(count + 1, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(2, provider.GetRequiredService<IScoringModelProvider>().GetModel("default").RuleNames.Length);
    }

    [Fact]
    public void AddLeadKitScoring_NamedModels_AreScoredSeparately()
    {
        var services = new ServiceCollection()
            .AddLeadKitScoring("crm", b => b.AddRule(SalesRules.Signal("demo", EngagementSignalKind.DemoRequested, 10)))
            .AddLeadKitScoring("erp", b => b.AddRule(SalesRules.Signal("demo", EngagementSignalKind.DemoRequested, 30)));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(10, provider.GetRequiredKeyedService<ILeadScorer>("crm").Score(DemoLead, LeadBuilder.Now).Engagement);
        Assert.Equal(30, provider.GetRequiredKeyedService<ILeadScorer>("erp").Score(DemoLead, LeadBuilder.Now).Engagement);
        Assert.Throws<KeyNotFoundException>(() => provider.GetRequiredService<IScoringModelProvider>().GetModel("missing"));
    }

    [Fact]
    public void ValidateOnStart_InvalidModelOrOptions_FailsWithEveryProblem()
    {
        var services = new ServiceCollection()
            .AddLeadKitScoring(b => b.AddRule(new SignalRule("bad", EngagementSignalKind.PageView, double.NaN)))
            .ConfigureLeadKitTemperature(o => o.HotWithinDays = -1);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var messages = string.Join("\n", ex.InnerExceptions.Select(e => e.Message));
        Assert.Contains("rules[0].points: must be a finite number", messages, StringComparison.Ordinal);
        Assert.Contains("HotWithinDays must be 0 or more (was -1)", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetReload_Valid_SwapsTheModel_Invalid_KeepsTheOldOneAndReportsIt()
    {
        var source = new ManualOptionsChange("b2b", ValidJson);
        var services = new ServiceCollection()
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = source.Json)
            .AddSingleton<IOptionsChangeTokenSource<ScoringModelOptions>>(source);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var models = provider.GetRequiredService<IScoringModelProvider>();
        var scorer = provider.GetRequiredKeyedService<ILeadScorer>("b2b");
        var rejections = new List<ScoringModelStatus>();
        models.ModelRejected += (_, status) => rejections.Add(status);

        Assert.Equal(25, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);

        source.Change(OtherJson);
        Assert.Equal(40, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);

        source.Change(InvalidJson);
        Assert.Equal(40, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);
        var rejection = Assert.Single(rejections);
        Assert.Equal("$.rules[0].points", Assert.Single(rejection.LastRejection).Path);
        Assert.Equal(rejection.LastRejection, models.GetStatus("b2b").LastRejection);
    }

    [Fact]
    public void ValidateOnStart_InvalidRuleSet_FailsWithTheJsonPath()
    {
        var services = new ServiceCollection().AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = InvalidJson);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("$.rules[0].points: must be a value of the documented type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureLeadKitTemperature_ValidOptions_ReachTheClassifier()
    {
        var services = new ServiceCollection()
            .AddLeadKitScoring(_ => { })
            .ConfigureLeadKitTemperature(o => o.HotEngagementScore = 10);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var classifier = provider.GetRequiredService<ITemperatureClassifier>();

        Assert.Equal(Temperature.Hot, classifier.Classify(LeadBuilder.New().Build(), new LeadScore(0, 10, 10), LeadBuilder.Now));
    }

    private sealed class ReferralBonusRule : IScoringRule
    {
        public string Name => "referral_bonus";

        public ScoreDimension Dimension => ScoreDimension.Fit;

        public double Evaluate(Lead lead, DateTimeOffset asOf) => lead.Source == LeadSource.Referral ? 5 : 0;
    }
}
