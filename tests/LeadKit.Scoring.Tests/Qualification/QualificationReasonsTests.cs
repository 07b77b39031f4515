using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadKit.Scoring.Tests.Qualification;

/// <summary>The policy says why, finding by finding; a rule set's assessor and its policy are one and the same.</summary>
public sealed class QualificationReasonsTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    private const string RuleSet = """
        {
          "version": 1,
          "name": "b2b",
          "rules": [ { "name": "demo_request", "type": "signal", "signals": ["demo_requested"], "points": 25, "maxOccurrences": 1 } ],
          "thresholds": { "mql": { "rule": "total", "total": 20 } }
        }
        """;

    [Fact]
    public void Qualify_IntentWithoutBudget_ListsTheMissingBantCriterionAsItsOwnReason()
    {
        var policy = new DefaultQualificationPolicy();
        var lead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 1).WithBant(BantStatus.Unknown, BantStatus.Confirmed, BantStatus.Confirmed).Build();

        var result = policy.Qualify(lead, new LeadScore(50, 40, 10), Now);

        Assert.NotEqual(QualificationLevel.Sql, result.Level);
        Assert.Contains("BANT not confirmed: budget", result.Reasons);
        Assert.Equal(string.Join("; ", result.Reasons), result.Reason);
    }

    [Fact]
    public void Qualify_NoIntent_SaysSoSoAnSqlRefusalCanExplainItself()
    {
        var policy = new DefaultQualificationPolicy();
        var lead = LeadBuilder.New().DidTimes(EngagementSignalKind.PageView, 3, daysAgo: 2).Build();

        var result = policy.Qualify(lead, new LeadScore(80, 50, 30), Now);

        Assert.Equal(QualificationLevel.Mql, result.Level);
        Assert.Contains(result.Reasons, r => r.StartsWith("no immediate purchase intent", StringComparison.Ordinal));
    }

    [Fact]
    public void QualificationResult_SingleReason_HasItAsItsOnlyReason()
    {
        var result = new QualificationResult(QualificationLevel.Mql, DisqualificationReason.None, "fit 42 >= 40");

        Assert.Equal(["fit 42 >= 40"], result.Reasons.ToArray());
    }

    [Fact]
    public void CreateAssessor_ExposesThePolicyItUses_WithTheRuleSetsThresholds()
    {
        var ruleSet = ScoringRuleSet.Parse(RuleSet);
        var options = new QualificationOptions { SqlRequiredBant = BantCriteria.Budget };
        var assessor = ruleSet.CreateAssessor(options);
        var policy = ruleSet.CreateQualificationPolicy(options);
        var lead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 40).Build();

        var assessed = assessor.Assess(lead, Now).Qualification;
        var asked = policy.Qualify(lead, ruleSet.Model.Score(lead, Now), Now);

        // 25 points against the rule set's total of 20 (the default total of 70 would say unqualified).
        Assert.Equal(QualificationLevel.Mql, asked.Level);
        Assert.Equal(asked, assessed);
        Assert.Equal(asked, assessor.QualificationPolicy.Qualify(lead, ruleSet.Model.Score(lead, Now), Now));
        Assert.Equal(70, options.MqlTotalThreshold); // the caller's options are copied, not changed
    }

    [Fact]
    public void Di_KeyedPolicyAndAssessor_UseTheRuleSetsThresholdsOverTheConfiguredOptions()
    {
        using var provider = new ServiceCollection()
            .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = RuleSet)
            .ConfigureLeadKitQualification(o => o.SqlRequiredBant = BantCriteria.Budget)
            .BuildServiceProvider();
        var lead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested, daysAgo: 1).WithBant(budget: BantStatus.Confirmed).Build();
        var score = provider.GetRequiredKeyedService<ILeadScorer>("b2b").Score(lead, Now);

        var policy = provider.GetRequiredKeyedService<IQualificationPolicy>("b2b").Qualify(lead, score, Now);
        var assessed = provider.GetRequiredKeyedService<LeadAssessor>("b2b").Assess(lead, Now).Qualification;

        Assert.Equal(QualificationLevel.Sql, policy.Level);
        Assert.Equal(policy, assessed);
        Assert.Null(provider.GetService<ILeadScorer>());
    }
}
