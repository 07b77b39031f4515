using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace LeadKit.Docs.Tests.Snippets;

/// <summary>The code of docs/scoring-rules.md and src/LeadKit.Scoring/README.md, run as tests.</summary>
public sealed class ScoringSnippets
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static string ExampleRuleSet() => File.ReadAllText(Path.Combine(DocFiles.Root, "docs", "examples", "b2b-scoring-rules.json"));

    private static Lead ReferralWithPricingViews() => new()
    {
        Id = new LeadId("L-42"),
        CreatedAt = AsOf.AddDays(-90),
        Source = LeadSource.Referral,
        Signals =
        [
            new EngagementSignal(EngagementSignalKind.PricingPageView, AsOf.AddDays(-60)),   // the 4th most recent: not counted
            new EngagementSignal(EngagementSignalKind.PricingPageView, AsOf.AddDays(-30)),   // one half-life old: 2.5 points
            new EngagementSignal(EngagementSignalKind.PricingPageView, AsOf),
            new EngagementSignal(EngagementSignalKind.PricingPageView, AsOf),
        ],
    };

    [Fact]
    public void LoadingARuleSet_TheExampleFile_RoundTripsThroughCanonicalJson()
    {
        var json = ExampleRuleSet();
        var lead = ReferralWithPricingViews();

        #region scoring-load-rule-set
        var ruleSet = ScoringRuleSet.Parse(json);          // or TryParse(json, options, out ruleSet, out problems)
        ScoringModel model = ruleSet.Model;
        string canonical = ruleSet.ToJson();               // parses back to an equivalent rule set
        #endregion

        var reparsed = ScoringRuleSet.Parse(canonical);
        Assert.Equal("b2b", reparsed.Name);
        Assert.Equal(canonical, reparsed.ToJson());
        Assert.Equal(model.Score(lead, AsOf), reparsed.Model.Score(lead, AsOf));
    }

    [Fact]
    public void PackageReadme_GroupCapAndHalfLife_ScoreAsDocumented()
    {
        var lead = ReferralWithPricingViews();
        var asOf = AsOf;

        #region scoring-readme
        var model = new ScoringModelBuilder()
            .AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new(null, 30), Decay = DecayFunction.HalfLife(TimeSpan.FromDays(30)) })
            .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.PurchasedList, -10)))
            .AddRule(SalesRules.Signal("pricing_page", EngagementSignalKind.PricingPageView, 5, maxOccurrences: 3), "web")
            .AddRule(SalesRules.Unsubscribed(-20))
            .Build();                                   // immutable, thread-safe; reports every problem at once

        LeadScore score = model.Score(lead, asOf);      // allocation-free
        ScoreCard card = model.Explain(lead, asOf);     // every point explained
        var assessment = new LeadAssessor(model).Explain(lead, asOf);   // + temperature, MQL/SQL, grade, distances
        #endregion

        Assert.Equal(new LeadScore(20, 12.5, 32.5), score);   // 5 + 5 + 2.5: three most recent views, halved after 30 days
        Assert.Equal(score, card.Score);
        Assert.Contains(card.Rules, r => r.RuleName == "pricing_page" && r.Points == 12.5);
        Assert.Equal(score, assessment.Score);
    }

    [Fact]
    public void DependencyInjection_DefaultModelPluginAndNamedRuleSet_AreResolvable()
    {
        var services = new ServiceCollection();
        var json = ExampleRuleSet();

        #region scoring-di
        services.AddLeadKitScoring(b => b.AddRule(SalesRules.Unsubscribed(-20)))      // default model -> ILeadScorer
                .AddLeadKitScoringRule<TrialUsageRule>()                               // plugin rule, joins code-built models
                .AddLeadKitScoringRuleSet("b2b", o => o.RuleSetJson = json)            // named model -> keyed ILeadScorer "b2b"
                .ConfigureLeadKitTemperature(o => o.HotEngagementScore = 60)
                .ConfigureLeadKitQualification(o => o.MqlFitThreshold = 50);
        // Bind a rule set from configuration instead: services.Configure<ScoringModelOptions>("b2b", section).
        #endregion

        using var provider = services.BuildServiceProvider();
        var lead = ReferralWithPricingViews() with
        {
            CustomFields = [new CustomField(new CustomFieldKey("trial_seats"), CustomFieldValue.FromNumber(3))],
            Signals = [new EngagementSignal(EngagementSignalKind.Unsubscribed, AsOf.AddDays(-1))],
        };
        Assert.Equal(new LeadScore(0, -14, -14), provider.GetRequiredService<ILeadScorer>().Score(lead, AsOf));   // -20 + 2 x 3 trial seats
        Assert.Equal(ScoringRuleSet.Parse(json).Model.Score(lead, AsOf), provider.GetRequiredKeyedService<ILeadScorer>("b2b").Score(lead, AsOf));
    }

    [Fact]
    public void ThresholdsInTheRuleSet_TheDocumentedDocument_MakeTheLeadAnMqlAndWarm()
    {
        var json = Assert.Single(
            DocFiles.Blocks(Path.Combine(DocFiles.Root, "docs", "scoring-rules.md"), "json"),
            b => b.LineAbove == "<!-- ruleset -->" && b.Code.Contains("\"thresholds\"", StringComparison.Ordinal)).Code;
        var lead = new Lead
        {
            Id = new LeadId("L-7"),
            CreatedAt = AsOf.AddDays(-10),
            Source = LeadSource.Referral,
            Signals = [new EngagementSignal(EngagementSignalKind.PricingPageView, AsOf.AddDays(-2)), new EngagementSignal(EngagementSignalKind.PricingPageView, AsOf.AddDays(-1))],
        };
        var asOf = AsOf;
        var services = new ServiceCollection();

        #region scoring-thresholds
        var ruleSet = ScoringRuleSet.Parse(json);
        LeadAssessor assessor = ruleSet.CreateAssessor();        // the model with its own thresholds over default options
        LeadAssessment assessment = assessor.Assess(lead, asOf); // fit 25, engagement 20: an MQL, warm

        // With dependency injection, apply them to the registered options:
        services.ConfigureLeadKitQualification(o => ruleSet.Thresholds.ApplyTo(o))
                .ConfigureLeadKitTemperature(o => ruleSet.Thresholds.ApplyTo(o));
        #endregion

        Assert.Equal(new LeadScore(25, 20, 45), assessment.Score);
        Assert.Equal(QualificationLevel.Mql, assessment.Qualification.Level);
        Assert.Equal(Temperature.Warm, assessment.Temperature);

        // The default thresholds (fit 40 and engagement 30; no engagement-based temperature) judge the same lead otherwise.
        var defaults = new LeadAssessor(ruleSet.Model).Assess(lead, asOf);
        Assert.Equal(QualificationLevel.Unqualified, defaults.Qualification.Level);
        Assert.Equal(Temperature.Cold, defaults.Temperature);

        using var provider = services.BuildServiceProvider();
        var qualification = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<QualificationOptions>>().Value;
        Assert.Equal((20, 20), (qualification.MqlFitThreshold, qualification.MqlEngagementThreshold));
    }
}
