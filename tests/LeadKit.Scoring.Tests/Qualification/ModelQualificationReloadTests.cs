using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Tests.DependencyInjection;
using LeadKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadKit.Scoring.Tests.Qualification;

/// <summary>A model's keyed policy follows its rule set's thresholds through reloads, and a rejected reload keeps them.</summary>
public sealed class ModelQualificationReloadTests
{
    private static string RuleSet(string total) => $$"""
        { "version": 1, "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": 25, "maxOccurrences": 1 } ],
          "thresholds": { "mql": { "rule": "total", "total": {{total}} } } }
        """;

    [Fact]
    public void KeyedPolicyAndAssessor_FollowReloadedThresholds_AndKeepThemWhenAReloadIsRejected()
    {
        using var source = new ManualOptionsChange("b2b", RuleSet("20"));
        using var provider = new ServiceCollection()
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = source.Json)
            .AddSingleton<IOptionsChangeTokenSource<ScoringModelOptions>>(source)
            .BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var scorer = provider.GetRequiredKeyedService<ILeadScorer>("b2b");
        var policy = provider.GetRequiredKeyedService<IQualificationPolicy>("b2b");
        var lead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 40).Build();
        QualificationLevel Level() => policy.Qualify(lead, scorer.Score(lead, LeadBuilder.Now), LeadBuilder.Now).Level;
        QualificationLevel Assessed() => provider.GetRequiredKeyedService<LeadAssessor>("b2b").Assess(lead, LeadBuilder.Now).Qualification.Level;

        Assert.Equal(QualificationLevel.Mql, Level());
        Assert.Equal(QualificationLevel.Mql, Assessed());

        source.Change(RuleSet("60"));
        Assert.Equal(QualificationLevel.Unqualified, Level());
        Assert.Equal(QualificationLevel.Unqualified, Assessed());

        source.Change(RuleSet("\"not a number\""));
        Assert.Equal(QualificationLevel.Unqualified, Level());
        Assert.Equal(QualificationLevel.Unqualified, Assessed());
    }

    [Fact]
    public void ValidateOnStart_ThresholdsThatDoNotFitTheOptions_FailsNamingTheModel()
    {
        const string json = """{ "version": 1, "name": "b2b", "rules": [ { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": 25 } ], "thresholds": { "temperature": { "hotWithinDays": 100 } } }""";
        using var provider = new ServiceCollection().AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = json).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Scoring model 'b2b': TemperatureOptions.WarmWithinDays: must be at least HotWithinDays [conflict]", error.Message, StringComparison.Ordinal);
    }
}
