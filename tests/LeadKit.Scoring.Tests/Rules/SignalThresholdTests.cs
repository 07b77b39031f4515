using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Rules;

public sealed class SignalThresholdTests
{
    private static readonly ScoringModel Model = new ScoringModelBuilder()
        .AddRule(SalesRules.SignalCountAtLeast("email_clicks_3", EngagementSignalKind.EmailClick, minOccurrences: 3, points: 10))
        .AddRule(SalesRules.SignalCountAtLeast("visits_5_in_30d", EngagementSignalKind.WebsiteVisit, minOccurrences: 5, points: 10, windowDays: 30))
        .Build();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 10)]
    [InlineData(9, 10)]
    public void SignalCountAtLeast_EmailClicks_GivesPointsOnceFromTheThreshold(int clicks, double expected)
    {
        var lead = LeadBuilder.New().DidTimes(EngagementSignalKind.EmailClick, clicks).Build();

        Assert.Equal(expected, Model.Score(lead, LeadBuilder.Now).Engagement);
    }

    [Fact]
    public void SignalCountAtLeast_VisitsOutsideTheWindow_DoNotCount()
    {
        // Four visits in the last 30 days and three long before: below the threshold of five.
        var lead = LeadBuilder.New()
            .DidTimes(EngagementSignalKind.WebsiteVisit, 4, daysAgo: 1)
            .DidTimes(EngagementSignalKind.WebsiteVisit, 3, daysAgo: 60)
            .Build();

        Assert.Equal(0, Model.Score(lead, LeadBuilder.Now).Engagement);
        Assert.Equal(10, Model.Score(lead with { Signals = lead.Signals.Add(new EngagementSignal(EngagementSignalKind.WebsiteVisit, LeadBuilder.Now.AddDays(-2))) }, LeadBuilder.Now).Engagement);
    }

    [Fact]
    public void SignalCountAtLeast_Explanation_ShowsNothingCountedBelowTheThreshold()
    {
        var lead = LeadBuilder.New().DidTimes(EngagementSignalKind.EmailClick, 2).Build();

        var rule = Model.Explain(lead, LeadBuilder.Now).Rules.Single(r => r.RuleName == "email_clicks_3");

        Assert.Equal(2, rule.Occurrences);
        Assert.Equal(0, rule.CountedOccurrences);
        Assert.Equal(0, rule.Points);
    }

    [Fact]
    public void RuleSet_MinOccurrences_ScoresLikeTheModelBuiltInCode()
    {
        const string json = """
            { "version": 1, "name": "thresholds", "rules": [
              { "name": "email_clicks_3", "type": "signal", "signals": ["email_click"], "points": 10, "minOccurrences": 3, "maxOccurrences": 1 },
              { "name": "visits_5_in_30d", "type": "signal", "signals": ["website_visit"], "points": 10, "minOccurrences": 5, "maxOccurrences": 1, "windowDays": 30 } ] }
            """;
        var fromJson = ScoringRuleSet.Parse(json).Model;

        for (var clicks = 0; clicks < 8; clicks++)
        {
            var lead = LeadBuilder.New().DidTimes(EngagementSignalKind.EmailClick, clicks).DidTimes(EngagementSignalKind.WebsiteVisit, clicks, daysAgo: 3).Build();
            Assert.Equal(Model.Score(lead, LeadBuilder.Now), fromJson.Score(lead, LeadBuilder.Now));
        }
    }

    [Fact]
    public void RuleSet_MinOccurrencesBelowOne_ReportsThePath()
    {
        const string json = """{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["email_click"], "points": 10, "minOccurrences": 0 } ] }""";

        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(json));

        Assert.Equal("$.rules[0].minOccurrences", Assert.Single(ex.Problems).Path);
    }

    [Property]
    public bool SignalCountAtLeast_IsAStepFunctionOfTheCount(byte count, PositiveInt threshold)
    {
        var min = (threshold.Get % 10) + 1;
        var model = new ScoringModelBuilder().AddRule(SalesRules.SignalCountAtLeast("t", EngagementSignalKind.ChatStarted, min, 7)).Build();
        var lead = LeadBuilder.New().DidTimes(EngagementSignalKind.ChatStarted, count % 20).Build();

        var score = model.Score(lead, LeadBuilder.Now);

        return score == new LeadScore(0, (count % 20) >= min ? 7 : 0, (count % 20) >= min ? 7 : 0);
    }
}
