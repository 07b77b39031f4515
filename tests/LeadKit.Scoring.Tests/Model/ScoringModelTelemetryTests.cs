using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;
using LeadKit.Testing.Telemetry;

namespace LeadKit.Scoring.Tests.Model;

public sealed class ScoringModelTelemetryTests
{
    [Fact]
    public void Score_WithMeterFactory_CountsLeadsOnThatFactorysMeterTaggedWithTheModelOnly()
    {
        using var factory = new ScopedMeterFactory();
        using var recorder = new MeterRecorder(factory);
        var model = new ScoringModelBuilder().WithName("b2b").WithMeterFactory(factory)
            .AddRule(SalesRules.Signal("views", EngagementSignalKind.PageView, 1, maxOccurrences: 5))
            .Build();
        var leads = new[] { LeadBuilder.New().Build(), LeadBuilder.New().Build(), LeadBuilder.New().Build() };

        model.Score(leads[0], LeadBuilder.Now);
        model.ScoreBatch(leads, LeadBuilder.Now, new LeadScore[leads.Length]);

        Assert.Equal([1d, 3d], recorder.Values("leadkit.scoring.leads_scored"));
        Assert.All(recorder.Measurements, m => Assert.Equal([new KeyValuePair<string, object?>("leadkit.model", "b2b")], m.TagList));
    }

    [Fact]
    public void Score_WithoutMeterFactory_RecordsNothingOnAFactorysMeter()
    {
        using var factory = new ScopedMeterFactory();
        using var recorder = new MeterRecorder(factory);
        var model = new ScoringModelBuilder().AddRule(SalesRules.EmailDomain("email", 5, -5)).Build();

        model.Score(LeadBuilder.New().Build(), LeadBuilder.Now);

        Assert.Empty(recorder.Values("leadkit.scoring.leads_scored"));
    }

    [Fact]
    public void RuleSet_WithMeterFactoryOption_ModelAndItsCopiesRecordOnThatMeter()
    {
        using var factory = new ScopedMeterFactory();
        using var recorder = new MeterRecorder(factory);
        var ruleSet = ScoringRuleSet.Parse("""{ "version": 1, "name": "crm", "rules": [ { "name": "email", "type": "emailDomain", "businessPoints": 5, "freeMailPoints": -5 } ] }""", new ScoringRuleSetOptions { MeterFactory = factory });

        ruleSet.Model.Score(LeadBuilder.New().Build(), LeadBuilder.Now);
        ruleSet.CreateModel(TimeProvider.System).Score(LeadBuilder.New().Build(), LeadBuilder.Now);

        Assert.Equal([1d, 1d], recorder.Values("leadkit.scoring.leads_scored"));
    }

    [Fact]
    public void WithMeterFactory_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => new ScoringModelBuilder().WithMeterFactory(null!));

}
