using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Sources;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.NaiveBayes;
using LeadKit.Learning.Scorecards;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.Temperatures;

namespace LeadKit.Docs.Tests.Snippets;

/// <summary>The code of docs/backtesting.md, run as tests on a seeded synthetic won / lost history.</summary>
public sealed class BacktestingSnippets
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly CustomFieldKey Team = new("team");

    // 600 leads over 20 weeks; referrals, C-level contacts and demo requests convert more often, as in real funnels.
    private static readonly HistoricalLead[] History = CreateHistory();

    private static HistoricalLead[] CreateHistory()
    {
        var random = new Random(20260601);
        var history = new HistoricalLead[600];
        for (var i = 0; i < history.Length; i++)
        {
            var created = Start.AddHours(i * 5.6);
            var referral = random.NextDouble() < 0.3;
            var cLevel = random.NextDouble() < 0.2;
            var demo = random.NextDouble() < 0.35;
            var lead = new Lead
            {
                Id = new LeadId($"H-{i}"),
                CreatedAt = created,
                Source = referral ? LeadSource.Referral : i % 2 == 0 ? LeadSource.WebsiteForm : LeadSource.Webinar,
                Contact = new ContactInfo { Seniority = cLevel ? Seniority.CLevel : Seniority.Manager },
                Company = new CompanyInfo { Name = $"Company {i}", EmployeeCount = 5 + (i * 37 % 900), Industry = i % 3 == 0 ? "software" : "retail" },
                CustomFields = [new CustomField(Team, CustomFieldValue.FromText(i % 2 == 0 ? "north" : "south"))],
                Signals = demo ? [new EngagementSignal(EngagementSignalKind.DemoRequested, created.AddDays(1))] : [],
            };
            var odds = 0.08 + (referral ? 0.2 : 0) + (cLevel ? 0.15 : 0) + (demo ? 0.25 : 0);
            history[i] = new HistoricalLead(lead, created.AddDays(2), converted: random.NextDouble() < odds);
        }

        return history;
    }

    [Fact]
    public void Backtesting_RuleModel_ReportsEveryMeasureTheDocLists()
    {
        var history = History;
        var scorer = new ScoringModelBuilder()
            .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20)))
            .AddRule(SalesRules.Seniority("decision_maker", 15, Seniority.CLevel))
            .AddRule(SalesRules.Signal("demo_request", EngagementSignalKind.DemoRequested, 35, maxOccurrences: 1))
            .Build();
        var temperatureClassifier = new TemperatureClassifier();
        var qualificationPolicy = new DefaultQualificationPolicy();

        #region backtest-a-scorer
        var backtester = new Backtester(new BacktestOptions { MqlThreshold = 40, SqlThreshold = 70, WeeklyCapacity = 50 });
        BacktestReport report = backtester.Run(history, scorer, temperatureClassifier, qualificationPolicy);

        double auc = report.Auc;                        // ranking quality, 0.5 = random
        var curve = report.Curve;                       // precision / recall / lift / F1 at every distinct score
        var atMql = report.AtMqlThreshold;              // confusion matrix at the MQL threshold
        var policySql = report.PolicySalesQualified;    // confusion matrix of the policy's SQL decision
        var temperatures = report.Temperatures;         // conversion per cold / warm / hot, with Wilson 95% intervals
        var calibration = report.Calibration;           // score deciles vs observed conversion, with Wilson 95% intervals
        var bestF1 = report.BestF1;                     // suggested threshold
        var forCapacity = report.ForWeeklyCapacity;     // threshold that qualifies about 50 leads per week
        #endregion

        Assert.InRange(auc, 0.6, 1);                    // the rules follow what made the synthetic leads convert
        Assert.NotEmpty(curve);
        Assert.Equal(history.Length, atMql!.Value.Total);
        Assert.Equal(history.Length, policySql!.Value.Total);
        Assert.NotEmpty(temperatures);
        Assert.NotEmpty(calibration);
        Assert.Contains(curve, p => p.Threshold == bestF1.Threshold);
        Assert.NotNull(forCapacity);
    }

    [Fact]
    public void NaiveBayes_TrainObserveExplain_CountsTheNewOutcome()
    {
        var history = History;
        var lead = History[0].Lead;
        var decidedAt = History[^1].DecidedAt.AddDays(1);
        var asOf = decidedAt;

        #region backtest-naive-bayes
        var trainer = new NaiveBayesTrainer(new NaiveBayesOptions
        {
            Features = { LeadFeature.Source, LeadFeature.Industry, LeadFeature.CompanySize(), LeadFeature.SignalPresent(EngagementSignalKind.DemoRequested) },
            Smoothing = 1,            // Laplace α
            MinimumSupport = 5,       // rarer values are neutral
            Segment = LeadFeature.CustomText(new CustomFieldKey("team")),   // per-team prior odds
        });
        NaiveBayesScorer scorer = trainer.Train(history);
        scorer.Observe(new HistoricalLead(lead, decidedAt, converted: true));  // when a lead is won or lost
        NaiveBayesExplanation why = scorer.Explain(lead, asOf);                 // which values pushed it up or down
        #endregion

        Assert.Equal(history.Count(h => h.Converted) + 1, scorer.Won);
        Assert.Equal("north", why.Segment);
        Assert.Equal(4, why.Factors.Length);
        Assert.InRange(why.Probability, 0, 1);
        Assert.Equal(100 * why.Probability, scorer.Score(lead, asOf).Total, 9);
    }

    [Fact]
    public void Scorecard_TrainAndExport_RuleSetScoresLikeTheScorecard()
    {
        var history = History;
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            #region backtest-scorecard
            var conditions = LeadCondition.ForValues(LeadFeature.Source, history, minimumSupport: 20)
                .Add(LeadCondition.SignalPresent(EngagementSignalKind.DemoRequested))
                .Add(LeadCondition.ValueIs(LeadFeature.Seniority, "CLevel"));
            var trainer = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1, Scaling = new ScorecardScaling(BaseScore: 50, BaseOdds: 1, PointsToDoubleOdds: 10) });
            LearnedScorecard scorecard = trainer.Train(history);

            foreach (var e in scorecard.Entries) Console.WriteLine($"{e.Condition.Name}: {e.Points} points ({e.Won}/{e.Support} won)");
            string json = scorecard.ToRuleSetJson("learned-2026-06");   // an ordinary LeadKit rule set: review, edit, load
            #endregion

            var ruleSet = ScoringRuleSet.Parse(json);
            Assert.Equal("learned-2026-06", ruleSet.Name);
            foreach (var h in history)
            {
                Assert.Equal(scorecard.Score(h.Lead, h.DecidedAt), ruleSet.Model.Score(h.Lead, h.DecidedAt));
            }

            Assert.True(scorecard.Entries.Single(e => e.Condition.Name.Contains("demo_requested", StringComparison.Ordinal)).Points > 0);   // demos made leads convert
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(5, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);   // 3 sources, demo, C-level
    }
}
