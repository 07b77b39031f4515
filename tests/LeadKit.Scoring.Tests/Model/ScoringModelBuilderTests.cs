using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Tests.Model;

public class ScoringModelBuilderTests
{
    [Fact]
    public void Build_SeveralProblems_ReportsThemAllAtOnce()
    {
        var builder = new ScoringModelBuilder()
            .AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new(10, 5) })
            .AddRule(new SignalRule("clicks", EngagementSignalKind.EmailClick, double.NaN) { MaxOccurrences = 0 })
            .AddRule(new SignalRule("clicks", EngagementSignalKind.EmailOpen, 1), "missing")
            .AddRule(SalesRules.Source("source", (Abstractions.Sources.LeadSource.Referral, 5)), "web")
            .AddRule(new SignalRule("window", EngagementSignalKind.PageView, 1) { Window = TimeSpan.Zero })
            .WithTotalLimits(new ScoreLimits(double.PositiveInfinity, null));

        var ex = Assert.Throws<ConfigurationException>(builder.Build);

        var paths = ex.Problems.Select(p => p.Path).ToArray();
        Assert.Contains("groups[0].cap", paths);
        Assert.Contains("rules[0].points", paths);
        Assert.Contains("rules[0].maxOccurrences", paths);
        Assert.Contains("rules[1].name", paths);
        Assert.Contains("rules[1].group", paths);
        Assert.Contains("rules[2].group", paths);
        Assert.Contains("rules[3].windowDays", paths);
        Assert.Contains("limits.total.floor", paths);
        Assert.Contains("rules[0].points: must be a finite number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new ScoringModelBuilder().AddRule(SalesRules.Unsubscribed(-10));
        builder.Build();

        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.AddRule(SalesRules.EmailBounced(-5)));
    }

    [Fact]
    public void Build_InvalidConditions_AreReportedWithTheirPath()
    {
        var builder = new ScoringModelBuilder()
            .AddRule(new AttributeRule("bad_op", AttributeCondition.Create(LeadField.EmployeeCount, FieldOperator.Contains, ["x"]), 5))
            .AddRule(new AttributeRule("bad_name", AttributeCondition.Is(LeadField.Seniority, "emperor"), 5))
            .AddRule(new AttributeRule("bad_range", AttributeCondition.Between(LeadField.EmployeeCount, 10, 5), 5))
            .AddRule(new AttributeRule("empty_any", AttributeCondition.Any(), 5))
            .AddRule(new InactivityRule("positive_inactivity", TimeSpan.FromDays(10), 5));

        var ex = Assert.Throws<ConfigurationException>(builder.Build);

        var paths = ex.Problems.Select(p => p.Path).ToArray();
        Assert.Contains("rules[0].when.op", paths);
        Assert.Contains("rules[1].when.values[0]", paths);
        Assert.Contains("rules[2].when.max", paths);
        Assert.Contains("rules[3].when.any", paths);
        Assert.Contains("rules[4].points", paths);
    }

    [Fact]
    public void Build_ConditionsNestedTooDeep_AreRejected()
    {
        var condition = AttributeCondition.IsTrue(LeadField.DoNotContact);
        for (var i = 0; i < AttributeCondition.MaximumDepth + 1; i++)
        {
            condition = AttributeCondition.Not(condition);
        }

        var ex = Assert.Throws<ConfigurationException>(new ScoringModelBuilder().AddRule(new AttributeRule("deep", condition, -1)).Build);

        Assert.Contains(ex.Problems, p => p.Message.Contains("deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EmptyModel_ScoresZero()
    {
        var model = new ScoringModelBuilder().Build();

        Assert.Equal(default, model.Score(LeadKit.Testing.LeadBuilder.New().Build(), LeadKit.Testing.LeadBuilder.Now));
    }
}
