using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Rules;

/// <summary>
/// Inactivity is the time since the lead's latest signal at or before the moment; the lead's creation counts only
/// when it has no such signal (issue 17, D11). Creating or importing a record is not the buyer doing anything.
/// </summary>
public class InactivityRuleTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    public static TheoryData<double, double[], double> Cases => new()
    {
        // created days ago, signal ages in days (negative: after the moment), expected points
        { 10, [100], -15 },        // recently created (imported, recycled) but quiet for 100 days: inactive
        { 10, [], 0 },             // new and no signal yet: the grace period runs from creation
        { 70, [], -15 },           // no signal since a creation 70 days ago
        { 120, [90, 10], 0 },      // a recent signal
        { 120, [90], -15 },
        { 30, [-5], 0 },           // the only signal is after the moment: creation counts
        { 90, [-5], -15 },
        { 10, [60], 0 },           // exactly 60 days is not "more than 60"
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_IdleTimeIsSinceTheLatestSignal_OrCreationWithoutOne(double createdDaysAgo, double[] signalDaysAgo, double expected)
    {
        var builder = LeadBuilder.New().CreatedDaysAgo(createdDaysAgo);
        foreach (var days in signalDaysAgo)
        {
            builder.Did(EngagementSignalKind.EmailOpen, daysAgo: days);
        }

        var lead = builder.Build();
        var rule = SalesRules.Inactivity("inactive_60d", 60, -15);
        var model = new ScoringModelBuilder().AddRule(rule).Build();
        var fromTables = model.Score(lead, Now);
        model.CompileNow();

        Assert.Equal(expected, rule.Evaluate(lead, Now));
        Assert.Equal(expected, fromTables.Engagement);
        Assert.Equal(expected, model.Score(lead, Now).Engagement);
        Assert.Equal(expected, model.Explain(lead, Now).Score.Engagement);
    }

    [Fact]
    public void RuleSet_InactivityRule_UsesTheSameMeaning()
    {
        var ruleSet = ScoringRuleSet.Parse("""{ "version": 1, "rules": [ { "name": "inactive_60d", "type": "inactivity", "days": 60, "points": -15 } ] }""");
        var lead = LeadBuilder.New().CreatedDaysAgo(10).Did(EngagementSignalKind.PageView, daysAgo: 100).Build();

        Assert.Equal(-15, ruleSet.Model.Score(lead, Now).Engagement);
    }
}
