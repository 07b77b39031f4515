using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.Temperatures;
using LeadKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using LeadKit.Testing.Telemetry;

namespace LeadKit.Scoring.Tests.DependencyInjection;

public class ScoringServiceCollectionExtensionsTests
{
    private const string ValidJson = """{ "version": 1, "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": 25 } ] }""";
    private const string OtherJson = """{ "version": 1, "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": 40 } ] }""";
    private const string InvalidJson = """{ "version": 1, "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": "forty" } ] }""";

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
        Assert.Contains("TemperatureOptions.HotWithinDays: must be 0 or more [out-of-range]", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("-1", messages.Replace("rules[0]", "", StringComparison.Ordinal), StringComparison.Ordinal);
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
        var rejections = new List<ReloadRejectedEventArgs>();
        models.ModelRejected += (_, e) => rejections.Add(e);

        Assert.Equal(25, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);

        source.Change(OtherJson);
        Assert.Equal(40, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);

        source.Change(InvalidJson);
        Assert.Equal(40, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);
        var rejection = Assert.Single(rejections);
        Assert.Equal("$.rules[0].points", Assert.Single(rejection.Rejection.Problems).Path);
        Assert.Same(rejection.Rejection, models.GetStatus("b2b").LastRejection);
        Assert.Equal(2, models.GetStatus("b2b").Version);
    }

    [Fact]
    public void ValidateOnStart_InvalidRuleSet_FailsWithTheJsonPath()
    {
        var services = new ServiceCollection().AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = InvalidJson);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("$.rules[0].points: must be a finite number [wrong-type]", ex.Message, StringComparison.Ordinal);
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

    [Fact]
    public void NamedModel_KeyedModelAndScorerAndAssessor_FollowTheReload()
    {
        using var source = new ManualOptionsChange("b2b", ValidJson);
        using var provider = new ServiceCollection()
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = source.Json)
            .AddSingleton<IOptionsChangeTokenSource<ScoringModelOptions>>(source)
            .BuildServiceProvider();
        var before = provider.GetRequiredKeyedService<ScoringModel>("b2b");

        source.Change(OtherJson);

        Assert.NotSame(before, provider.GetRequiredKeyedService<ScoringModel>("b2b"));
        Assert.Same(provider.GetRequiredService<IScoringModelProvider>().GetModel("b2b"), provider.GetRequiredKeyedService<ScoringModel>("b2b"));
        Assert.Equal(40, provider.GetRequiredKeyedService<LeadAssessor>("b2b").Assess(DemoLead, LeadBuilder.Now).Score.Engagement);
        Assert.Same(provider.GetRequiredKeyedService<ILeadScorer>("b2b"), provider.GetRequiredService<IScoringModelProvider>().GetScorer("b2b"));
    }

    [Fact]
    public void WithoutTheDefaultModel_NoUnkeyedScoringServiceIsRegistered_WhateverElseIs()
    {
        // Options alone, or named models, never add an unkeyed policy or classifier that another package would pick up.
        var services = new ServiceCollection()
            .ConfigureLeadKitQualification(o => o.MqlTotalThreshold = 10)
            .ConfigureLeadKitTemperature(o => o.HotEngagementScore = 10)
            .AddLeadKitScoring("crm", b => b.AddRule(SalesRules.Unsubscribed(-10)));
        using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<IQualificationPolicy>());
        Assert.Null(provider.GetService<ITemperatureClassifier>());
        Assert.Null(provider.GetService<ILeadScorer>());
        Assert.Null(provider.GetService<ScoringModel>());
        Assert.Null(provider.GetService<LeadAssessor>());
        Assert.NotNull(provider.GetRequiredKeyedService<IQualificationPolicy>("crm"));
    }

    [Fact]
    public void DefaultModel_UnkeyedServices_AreExactlyTheDefaultModelsKeyedOnes()
    {
        using var provider = new ServiceCollection()
            .AddLeadKitScoring(b => b.AddRule(SalesRules.Unsubscribed(-10)))
            .AddLeadKitScoring("crm", b => b.AddRule(SalesRules.Unsubscribed(-20)))
            .BuildServiceProvider();

        const string Default = ScoringServiceCollectionExtensions.DefaultModelName;
        Assert.Same(provider.GetRequiredKeyedService<IQualificationPolicy>(Default), provider.GetRequiredService<IQualificationPolicy>());
        Assert.Same(provider.GetRequiredKeyedService<ITemperatureClassifier>(Default), provider.GetRequiredService<ITemperatureClassifier>());
        Assert.Same(provider.GetRequiredKeyedService<ILeadScorer>(Default), provider.GetRequiredService<ILeadScorer>());
        Assert.Same(provider.GetRequiredKeyedService<ScoringModel>(Default), provider.GetRequiredService<ScoringModel>());
        Assert.Equal(["crm", Default], provider.GetRequiredService<IScoringModelProvider>().Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Telemetry_GoesThroughTheRegisteredMeterFactory_ReloadsAndScoresTaggedWithModelNameAndOutcomeOnly()
    {
        using var source = new ManualOptionsChange("b2b", ValidJson);
        var factory = new ScopedMeterFactory();
        using var provider = new ServiceCollection()
            .AddSingleton<IMeterFactory>(factory)
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = source.Json)
            .AddSingleton<IOptionsChangeTokenSource<ScoringModelOptions>>(source)
            .BuildServiceProvider();
        var measurements = new List<KeyValuePair<string, object?>[]>();
        var scored = new List<KeyValuePair<string, object?>[]>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (factory.Meters.Contains(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            (instrument.Name == "leadkit.scoring.leads_scored" ? scored : measurements).Add(tags.ToArray());
        });
        listener.Start();

        provider.GetRequiredService<IScoringModelProvider>().GetScorer("b2b").Score(DemoLead, LeadBuilder.Now);
        source.Change(InvalidJson);

        var meter = Assert.Single(factory.Meters);
        Assert.Equal("LeadKit.Scoring", meter.Name);
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, tags => Assert.Equal(["leadkit.model", ReloadTelemetry.OutcomeTag], tags.Select(t => t.Key)));
        Assert.Equal([ReloadTelemetry.Applied, ReloadTelemetry.Rejected], measurements.Select(t => (string?)t[1].Value));
        Assert.Equal([new KeyValuePair<string, object?>("leadkit.model", "b2b")], Assert.Single(scored));   // the model records on the container's meter
    }

    [Fact]
    public void FirstDefinitionInvalid_ThenValid_TheModelBecomesAvailable()
    {
        using var source = new ManualOptionsChange("b2b", InvalidJson);
        using var provider = new ServiceCollection()
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = source.Json)
            .AddSingleton<IOptionsChangeTokenSource<ScoringModelOptions>>(source)
            .BuildServiceProvider();
        var models = provider.GetRequiredService<IScoringModelProvider>();
        var scorer = models.GetScorer("b2b");

        var ex = Assert.Throws<LeadKit.Abstractions.Configuration.ConfigurationException>(() => scorer.Score(DemoLead, LeadBuilder.Now));
        Assert.Equal("$.rules[0].points", Assert.Single(ex.Problems).Path);
        Assert.False(models.GetStatus("b2b").HasValue);

        source.Change(ValidJson);

        Assert.Equal(25, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);
        Assert.Equal(1, models.GetStatus("b2b").Version);
    }


    private sealed class ReferralBonusRule : IScoringRule
    {
        public string Name => "referral_bonus";

        public ScoreDimension Dimension => ScoreDimension.Fit;

        public double Evaluate(Lead lead, DateTimeOffset asOf) => lead.Source == LeadSource.Referral ? 5 : 0;
    }
}
