using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.Scorecards;
using LeadKit.Testing;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.Tests.Scorecards;

public sealed class ScorecardTrainerTests
{
    private static readonly DateTimeOffset Decided = LeadBuilder.Now;

    private static readonly LeadCondition Referral = LeadCondition.ValueIs(LeadFeature.Source, "referral");
    private static readonly LeadCondition PurchasedList = LeadCondition.ValueIs(LeadFeature.Source, "purchased_list");
    private static readonly LeadCondition Demo = LeadCondition.SignalPresent(EngagementSignalKind.DemoRequested);
    private static readonly LeadCondition Manager = LeadCondition.Create("manager or above", SyntheticHistory.IsManagerOrAbove);
    private static readonly LeadCondition Student = LeadCondition.Create("student", SyntheticHistory.IsStudent);
    private static readonly LeadCondition[] TrueConditions = [Referral, PurchasedList, Demo, Manager, Student];

    [Fact]
    public void Train_OneConditionWithoutPenalty_HasTheClosedFormCoefficients()
    {
        // Referral: 30 won of 40; others: 20 won of 80. With L2 = 0 the fit reproduces the observed rates exactly:
        // β₀ = ln(20/60), β₁ = ln(30/10) − ln(20/60) = ln 9.
        var history = new List<HistoricalLead>();
        history.AddRange(Repeat(LeadSource.Referral, won: 30, lost: 10));
        history.AddRange(Repeat(LeadSource.Webinar, won: 20, lost: 60));
        var scorecard = new ScorecardTrainer([Referral], new ScorecardOptions { L2 = 0, MinimumWon = 1, MinimumLost = 1 }).Train(history);

        Assert.Equal(Math.Log(20.0 / 60), scorecard.Intercept, 8);
        Assert.Equal(Math.Log(9), scorecard.Entries[0].Coefficient, 8);
        Assert.Equal((40, 30), (scorecard.Entries[0].Support, scorecard.Entries[0].Won));

        // Default scaling: Factor = 10 / ln 2 = 14.427; base = round(50 + 14.427 · ln(1/3)) = round(34.15) = 34;
        // referral = round(14.427 · ln 9) = round(31.70) = 32.
        Assert.Equal(34, scorecard.BasePoints);
        Assert.Equal(32, scorecard.Entries[0].Points);
        Assert.Equal(0.75, scorecard.Probability(history[0].Lead, Decided), 8);
    }

    [Fact]
    public void Train_SyntheticHistory_RecoversTheTrueCoefficients()
    {
        var history = SyntheticHistory.Create(20_000, seed: 1);
        var scorecard = new ScorecardTrainer(TrueConditions, new ScorecardOptions { L2 = 0.1 }).Train(history);

        // 20,000 draws: the standard errors are about 0.05 to 0.07, so 0.2 is a 3-sigma tolerance.
        Assert.Equal(SyntheticHistory.TrueIntercept, scorecard.Intercept, 0.2);
        Assert.Equal(SyntheticHistory.TrueReferral, scorecard.Entries[0].Coefficient, 0.2);
        Assert.Equal(SyntheticHistory.TruePurchasedList, scorecard.Entries[1].Coefficient, 0.2);
        Assert.Equal(SyntheticHistory.TrueDemo, scorecard.Entries[2].Coefficient, 0.2);
        Assert.Equal(SyntheticHistory.TrueManagerOrAbove, scorecard.Entries[3].Coefficient, 0.2);
        Assert.Equal(SyntheticHistory.TrueStudent, scorecard.Entries[4].Coefficient, 0.2);
    }

    [Fact]
    public void Score_IsBasePointsPlusThePointsOfMetConditionsSplitByDimension()
    {
        var history = SyntheticHistory.Create(3000, seed: 2);
        var scorecard = new ScorecardTrainer(TrueConditions).Train(history);
        var lead = LeadBuilder.New().From(LeadSource.Referral).WithContact(seniority: Abstractions.Leads.Seniority.Director)
            .Did(EngagementSignalKind.DemoRequested, daysAgo: 1).Build();

        var score = scorecard.Score(lead, LeadBuilder.Now);
        var met = scorecard.Explain(lead, LeadBuilder.Now);

        Assert.Equal(["source = referral", "signal:demo_requested = yes", "manager or above"], met.Select(e => e.Condition.Name));
        Assert.Equal(scorecard.BasePoints + scorecard.Entries[0].Points + scorecard.Entries[3].Points, score.Fit);
        Assert.Equal(scorecard.Entries[2].Points, score.Engagement);
        Assert.Equal(score.Fit + score.Engagement, score.Total);
        Assert.Equal(ScoreDimension.Engagement, scorecard.Entries[2].Condition.Dimension);
        foreach (var entry in scorecard.Entries)
        {
            Assert.Equal(Math.Round(scorecard.Scaling.Factor * entry.Coefficient, MidpointRounding.AwayFromZero), entry.Points);
        }
    }

    [Fact]
    public void Score_CompiledConditions_AgreeWithTheirPredicates()
    {
        // Signal, text and named-value conditions are compiled to bit, string and mask tests; they must answer exactly as the predicates do,
        // including "no" conditions and signals after the moment scored.
        var noDemo = LeadCondition.ValueIs(LeadFeature.SignalPresent(EngagementSignalKind.DemoRequested), "no");
        var webinar = LeadCondition.ValueIs(LeadFeature.Source, "webinar");
        var industry = LeadCondition.ValueIs(LeadFeature.Industry, "software");
        var director = LeadCondition.ValueIs(LeadFeature.Seniority, "Director");
        var unknownSeniority = LeadCondition.ValueIs(LeadFeature.Seniority, "Unknown");
        var noCountry = LeadCondition.ValueIs(LeadFeature.Country, LeadFeature.Missing);
        var timeframe = LeadCondition.ValueIs(LeadFeature.Timeframe, "NotStated");
        LeadCondition[] conditions = [.. TrueConditions, noDemo, webinar, industry, director, unknownSeniority, noCountry, timeframe];
        var history = SyntheticHistory.Create(3000, seed: 10).Select((h, i) => i % 3 != 0 ? h : new HistoricalLead(
            h.Lead with { Company = h.Lead.Company! with { Country = new Abstractions.Common.CountryCode("BR") }, Timeframe = Abstractions.Leads.PurchaseTimeframe.Immediate },
            h.DecidedAt,
            h.Converted)).ToList();
        var scorecard = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 5 }).Train(history);

        // "3" is never a seniority name: refused when the condition is made, naming the names it can be.
        var notAName = Assert.Throws<ArgumentException>(() => LeadCondition.ValueIs(LeadFeature.Seniority, "3"));
        Assert.Contains("unknown, student, entry, senior, manager, director, vicePresident, cLevel, owner", notAName.Message, StringComparison.Ordinal);
        Assert.Equal(RuntimeFeature.IsDynamicCodeCompiled, scorecard.IsCompiled);

        foreach (var moment in new[] { LeadBuilder.Now, LeadBuilder.Now.AddDays(-3), LeadBuilder.Now.AddDays(-30) })
        {
            foreach (var item in history.Take(300))
            {
                var expected = scorecard.BasePoints + scorecard.Entries.Where(e => e.Condition.IsMet(item.Lead, moment)).Sum(e => e.Points);
                Assert.Equal(expected, scorecard.Score(item.Lead, moment).Total);
                Assert.Equal(scorecard.Score(item.Lead, moment), scorecard.ScoreFromTables(item.Lead, moment));
                Assert.Equal(
                    scorecard.Entries.Where(e => e.Condition.IsMet(item.Lead, moment)).Select(e => e.Condition.Name),
                    scorecard.Explain(item.Lead, moment).Select(e => e.Condition.Name));
            }
        }
    }

    [Fact]
    public void Score_FromManyThreads_EqualsSequentialScoring()
    {
        var history = SyntheticHistory.Create(2000, seed: 12);
        var scorecard = new ScorecardTrainer(TrueConditions).Train(history);
        var sequential = history.Select(h => scorecard.Score(h.Lead, Decided)).ToArray();
        var parallel = new LeadScore[history.Count];

        Parallel.For(0, history.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = scorecard.Score(history[i].Lead, Decided));

        Assert.Equal(sequential, parallel);
        Assert.True(sequential.Distinct().Count() > 1);
    }

    [Fact]
    public void Train_SignalAfterTheDecision_DoesNotLeakIntoTheFit()
    {
        // The synthetic history adds a demo request one day after the decision to 30% of the leads, at random.
        var history = SyntheticHistory.Create(5000, seed: 6);
        var stripped = history.Select(h => new HistoricalLead(h.LeadAsOfDecision(), h.DecidedAt, h.Converted)).ToList();
        var trainer = new ScorecardTrainer(TrueConditions);

        var withNoise = trainer.Train(history);
        var clean = trainer.Train(stripped);

        Assert.Equal(clean.Entries.Select(e => e.Coefficient), withNoise.Entries.Select(e => e.Coefficient));
    }

    [Fact]
    public void Train_ConstantCondition_GetsZeroPointsAndLeavesTheOthersAsWithoutIt()
    {
        // Issue 22: a value absent from one cross-validation fold made the fold's training throw "holds for no lead".
        var always = LeadCondition.Create("always", (_, _) => true);
        var never = LeadCondition.Create("never", (_, _) => false);
        var history = SyntheticHistory.Create(500, seed: 7);

        var card = new ScorecardTrainer([Referral, always, never]).Train(history);
        var alone = new ScorecardTrainer([Referral]).Train(history);

        Assert.Equal([0, 0], card.Entries.Skip(1).Select(e => e.Points));
        Assert.Equal([500, 0], card.Entries.Skip(1).Select(e => e.Support));
        Assert.Equal(alone.Entries[0].Coefficient, card.Entries[0].Coefficient);
        Assert.All(history, h => Assert.Equal(alone.Score(h.Lead, h.DecidedAt), card.Score(h.Lead, h.DecidedAt)));
    }

    [Fact]
    public void Train_ConditionForNoLead_ExportsAZeroPointRuleThatScoresLikeTheCard()
    {
        var history = SyntheticHistory.Create(500, seed: 8).Where(h => h.Lead.Source != LeadKit.Abstractions.Sources.LeadSource.PeerEvent).ToList();
        var absent = LeadCondition.ValueIs(LeadFeature.Source, "peer_event");

        var card = new ScorecardTrainer([Referral, absent]).Train(history);
        var model = RuleSetLoading.Load(card.ToRuleSetJson("with-absent"));

        Assert.Equal(0, card.Entries[1].Points);
        Assert.All(history, h => Assert.Equal(card.Score(h.Lead, h.DecidedAt).Total, model.Score(h.Lead, h.DecidedAt).Total));
    }

    [Fact]
    public void CrossValidate_ValueAbsentFromOneFold_TrainsEveryFold()
    {
        var history = SyntheticHistory.Create(1000, seed: 16);
        var only = history[0].Lead.Id;
        var rare = LeadCondition.Create("rare", (lead, _) => lead.Id == only);

        var result = new ScorecardTrainer([rare, Referral]).CrossValidate(history, folds: 5, seed: 1);

        Assert.Equal(5, result.Folds);
    }

    [Fact]
    public void Train_NullEntry_ThrowsArgumentExceptionNamingTheParameterAndTheIndex()
    {
        var history = SyntheticHistory.Create(200, seed: 31);
        history[0] = null!;
        var trainer = new ScorecardTrainer(TrueConditions);

        var ex = Assert.Throws<InvalidHistoryException>(() => trainer.Train(history));
        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal("history", ex.ParamName);
        Assert.Equal("history[0] is null; every entry must be a HistoricalLead.", Assert.Single(ex.Problems));

        var crossValidated = Assert.Throws<InvalidHistoryException>(() => trainer.CrossValidate(history));
        Assert.Equal(ex.Problems.ToArray(), crossValidated.Problems.ToArray());
    }

    [Fact]
    public void Train_TooFewExamples_RefusesWithTheDefaultMinimumOfForty()
    {
        var history = SyntheticHistory.Create(60, seed: 8);
        var won = history.Count(h => h.Converted);
        var ex = Assert.Throws<InvalidHistoryException>(() => new ScorecardTrainer([Referral]).Train(history));
        Assert.Contains($"{won} won leads, fewer than MinimumWon (40)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_NoLostLead_RefusesToPredictAConstant()
    {
        var history = Repeat(LeadSource.Referral, won: 50, lost: 0).Concat(Repeat(LeadSource.Webinar, won: 50, lost: 0)).ToList();
        var ex = Assert.Throws<InvalidHistoryException>(() => new ScorecardTrainer([Referral]).Train(history));
        Assert.Contains("100 won and 0 lost", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_PerfectSeparationWithoutPenalty_FailsClearly()
    {
        var history = Repeat(LeadSource.Referral, won: 50, lost: 0).Concat(Repeat(LeadSource.Webinar, won: 0, lost: 50)).ToList();
        var ex = Assert.Throws<InvalidOperationException>(() => new ScorecardTrainer([Referral], new ScorecardOptions { L2 = 0, MaxIterations = 50 }).Train(history));
        Assert.Contains("L2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_PerfectSeparationWithPenalty_StaysFinite()
    {
        var history = Repeat(LeadSource.Referral, won: 50, lost: 0).Concat(Repeat(LeadSource.Webinar, won: 0, lost: 50)).ToList();
        var scorecard = new ScorecardTrainer([Referral]).Train(history);
        Assert.True(double.IsFinite(scorecard.Entries[0].Coefficient) && scorecard.Entries[0].Coefficient > 2);
    }

    [Fact]
    public void Constructor_InvalidConditionsAndOptions_ListsEveryProblem()
    {
        var options = new ScorecardOptions { L2 = -1, Scaling = new ScorecardScaling(50, 0, 10) };
        var ex = Assert.Throws<ConfigurationException>(() => new ScorecardTrainer([Referral, Referral], options));
        Assert.Equal(["L2", "Scaling.BaseOdds", "conditions[1]"], ex.Problems.Select(p => p.Path));
        Assert.Equal(ConfigurationProblemCodes.DuplicateName, ex.Problems[2].Code);
        Assert.Contains("'source = referral'", ex.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("(was -1)", ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullCondition_NamesTheConditionsParameterAndTheIndex()
    {
        var ex = Assert.Throws<ConfigurationException>(() => new ScorecardTrainer([Referral, null!]));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("conditions[1]", ConfigurationProblemCodes.Required), (problem.Path, problem.Code));
    }

    [Fact]
    public void ForValues_NullEntries_NamesEachIndexInsteadOfCounting()
    {
        var history = SyntheticHistory.Create(50, seed: 32);
        history[3] = null!;
        history[49] = null!;
        var ex = Assert.Throws<InvalidHistoryException>(() => LeadCondition.ForValues(LeadFeature.Source, history.AsEnumerable(), minimumSupport: 1));
        Assert.Equal("history", ex.ParamName);
        Assert.Equal(["history[3] is null; every entry must be a HistoricalLead.", "history[49] is null; every entry must be a HistoricalLead."], ex.Problems.ToArray());
    }

    [Fact]
    public void ForValues_MakesOneConditionPerSupportedValue()
    {
        var history = SyntheticHistory.Create(400, seed: 9);
        var conditions = LeadCondition.ForValues(LeadFeature.Source, history, minimumSupport: 10);
        Assert.Equal(["source = organic_search", "source = purchased_list", "source = referral", "source = webinar"], conditions.Select(c => c.Name));
    }

    [Property(MaxTest = 10)]
    public bool TrainAndCrossValidate_SameSeed_GiveIdenticalResults(PositiveInt seed)
    {
        var history = SyntheticHistory.Create(600, seed: seed.Get % 1000);
        var trainer = new ScorecardTrainer(TrueConditions);
        var first = trainer.CrossValidate(history, folds: 4, seed: seed.Get);
        var second = trainer.CrossValidate(history, folds: 4, seed: seed.Get);
        var a = trainer.Train(history);
        var b = trainer.Train(history);
        return first.FoldAucs.SequenceEqual(second.FoldAucs) && first.PooledAuc == second.PooledAuc
            && a.Entries.Select(e => e.Coefficient).SequenceEqual(b.Entries.Select(e => e.Coefficient)) && a.Intercept == b.Intercept;
    }

    private static IEnumerable<HistoricalLead> Repeat(LeadSource source, int won, int lost)
    {
        for (var i = 0; i < won + lost; i++)
        {
            yield return new HistoricalLead(LeadBuilder.New().From(source).Build(), Decided, i < won);
        }
    }
}
