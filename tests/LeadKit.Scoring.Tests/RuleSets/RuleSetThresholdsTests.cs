using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Temperatures;

namespace LeadKit.Scoring.Tests.RuleSets;

public class RuleSetThresholdsTests
{
    private const string Rules = """ "rules": [ { "name": "referral", "type": "source", "sources": { "referral": 25 } } ]""";

    [Fact]
    public void Parse_EveryThreshold_IsReadAndAppliedToTheOptions()
    {
        var ruleSet = ScoringRuleSet.Parse($$"""
            {
              "version": 1,
              {{Rules}},
              "thresholds": {
                "mql": { "rule": "total", "fit": 10, "engagement": 12.5, "total": 60 },
                "temperature": { "hotWithinDays": 7, "warmWithinDays": 45, "warmEngagement": 15, "hotEngagement": 30, "hysteresis": 5 }
              }
            }
            """);

        Assert.Equal(
            new RuleSetThresholds { MqlRule = MqlRule.Total, MqlFit = 10, MqlEngagement = 12.5, MqlTotal = 60, HotWithinDays = 7, WarmWithinDays = 45, WarmEngagement = 15, HotEngagement = 30, Hysteresis = 5 },
            ruleSet.Thresholds);
        var qualification = ruleSet.Thresholds.ApplyTo(new QualificationOptions());
        Assert.Equal((MqlRule.Total, 10, 12.5, 60), (qualification.MqlRule, qualification.MqlFitThreshold, qualification.MqlEngagementThreshold, qualification.MqlTotalThreshold));
        var temperature = ruleSet.Thresholds.ApplyTo(new TemperatureOptions());
        Assert.Equal((7, 45, 15, 30, 5), (temperature.HotWithinDays, temperature.WarmWithinDays, temperature.WarmEngagementScore!.Value, temperature.HotEngagementScore!.Value, temperature.Hysteresis));
    }

    [Fact]
    public void ApplyTo_ThresholdsLeftOut_KeepTheOptionsValues()
    {
        var ruleSet = ScoringRuleSet.Parse($$"""{ "version": 1, {{Rules}}, "thresholds": { "mql": { "fit": 10 } } }""");
        var options = new QualificationOptions { MqlEngagementThreshold = 33, MqlRule = MqlRule.FitAndEngagement };

        Assert.Same(options, ruleSet.Thresholds.ApplyTo(options));
        Assert.Equal((10, 33, MqlRule.FitAndEngagement), (options.MqlFitThreshold, options.MqlEngagementThreshold, options.MqlRule));
        Assert.Same(RuleSetThresholds.None, ScoringRuleSet.Parse($$"""{ "version": 1, {{Rules}} }""").Thresholds);
    }

    [Fact]
    public void Parse_InvalidThresholds_ReportsEachWithItsJsonPath()
    {
        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse($$"""
            {
              "version": 1,
              {{Rules}},
              "thresholds": {
                "mql": { "rule": "both" },
                "temperature": { "hotWithinDays": 30, "warmWithinDays": 10, "warmEngagement": 40, "hotEngagement": 20, "hysteresis": -1 }
              }
            }
            """));

        Assert.Equal(
            [
                ("$.thresholds.mql.rule", ConfigurationProblemCodes.InvalidValue),
                ("$.thresholds.temperature.warmWithinDays", ConfigurationProblemCodes.Conflict),
                ("$.thresholds.temperature.hotEngagement", ConfigurationProblemCodes.Conflict),
                ("$.thresholds.temperature.hysteresis", ConfigurationProblemCodes.OutOfRange),
            ],
            ex.Problems.Select(p => (p.Path, p.Code)));
    }

    [Fact]
    public void Parse_UnknownThresholdProperty_IsRejectedWithItsPath()
    {
        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse($$"""{ "version": 1, {{Rules}}, "thresholds": { "sql": { "fit": 1 } } }"""));

        Assert.StartsWith("$.thresholds", Assert.Single(ex.Problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_CombinationInvalidForTheOptions_ThrowsNamingTheOption()
    {
        var thresholds = ScoringRuleSet.Parse($$"""{ "version": 1, {{Rules}}, "thresholds": { "temperature": { "hotWithinDays": 100 } } }""").Thresholds;

        var ex = Assert.Throws<ConfigurationException>(() => thresholds.ApplyTo(new TemperatureOptions()));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("TemperatureOptions.WarmWithinDays", problem.Path);
        Assert.Equal("must be at least HotWithinDays", problem.Message);
    }

    [Fact]
    public void ToJson_ParsedAgain_KeepsTheThresholds()
    {
        var ruleSet = ScoringRuleSet.Parse($$"""{ "version": 1, {{Rules}}, "thresholds": { "mql": { "rule": "fitAndEngagement", "engagement": 9 }, "temperature": { "hysteresis": 2 } } }""");

        var again = ScoringRuleSet.Parse(ruleSet.ToJson());

        Assert.Equal(ruleSet.Thresholds, again.Thresholds);
        Assert.Equal(new RuleSetThresholds { MqlRule = MqlRule.FitAndEngagement, MqlEngagement = 9, Hysteresis = 2 }, again.Thresholds);
    }
}
