using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Sources;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.NaiveBayes;
using LeadKit.Testing;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.Tests.NaiveBayes;

public sealed class NaiveBayesScorerTests
{
    private static readonly DateTimeOffset Decided = LeadBuilder.Now;

    [Fact]
    public void Probability_TinyHistory_MatchesHandComputedBayes()
    {
        // Won: referral ×3, purchased list ×1. Lost: referral ×1, purchased list ×3. α = 1, K = 2 values.
        // P(referral | won) = (3+1)/(4+2) = 4/6; P(referral | lost) = (1+1)/(4+2) = 2/6 → ratio 2; prior odds 4/4 = 1.
        // P(won | referral) = 2 / (1 + 2) = 2/3.
        var scorer = Trainer(LeadFeature.Source).Train(Tiny());
        var referral = LeadBuilder.New().From(LeadSource.Referral).Build();

        Assert.Equal(2.0 / 3, scorer.Probability(referral, Decided), 12);
        Assert.Equal(200.0 / 3, scorer.Score(referral, Decided).Total, 10);
        Assert.Equal(1.0 / 3, scorer.Probability(LeadBuilder.New().From(LeadSource.PurchasedList).Build(), Decided), 12);
    }

    [Fact]
    public void Explain_ShowsWhichValuesPushedTheProbabilityUpOrDown()
    {
        var scorer = Trainer(LeadFeature.Source).Train(Tiny());

        var up = scorer.Explain(LeadBuilder.New().From(LeadSource.Referral).Build(), Decided);
        var down = scorer.Explain(LeadBuilder.New().From(LeadSource.PurchasedList).Build(), Decided);
        var unseen = scorer.Explain(LeadBuilder.New().From(LeadSource.Webinar).Build(), Decided);

        var factor = Assert.Single(up.Factors);
        Assert.Equal(("source", "referral", 3, 1), (factor.Feature, factor.Value, factor.Won, factor.Lost));
        Assert.Equal(Math.Log(2), factor.LogLikelihoodRatio, 12);
        Assert.True(factor.PushesUp);
        Assert.True(Assert.Single(down.Factors).PushesDown);
        Assert.False(Assert.Single(unseen.Factors).Counted);
        Assert.Equal(0.5, unseen.Probability, 12);
        Assert.Equal(up.Probability, scorer.Probability(LeadBuilder.New().From(LeadSource.Referral).Build(), Decided), 15);
    }

    [Fact]
    public void Probability_ValueBelowMinimumSupport_IsNeutral()
    {
        var history = Tiny();
        history.Add(Outcome(LeadSource.Webinar, won: true));
        var scorer = Trainer(LeadFeature.Source, minimumSupport: 2).Train(history);
        var webinar = scorer.Explain(LeadBuilder.New().From(LeadSource.Webinar).Build(), Decided);

        Assert.False(webinar.Factors[0].Counted);
        Assert.Equal(0, webinar.Factors[0].LogLikelihoodRatio);
        Assert.Equal(1, webinar.Factors[0].Won);
    }

    [Fact]
    public void Probability_SegmentPriors_UseTheSegmentsOwnOdds()
    {
        // Team a: 3 won of 4; team b: 1 won of 4. The feature (industry) is uninformative by construction.
        var history = new List<HistoricalLead>();
        foreach (var (team, won, industry) in new[]
                 {
                     ("a", true, "software"), ("a", true, "retail"), ("a", true, "software"), ("a", false, "retail"),
                     ("b", true, "software"), ("b", false, "retail"), ("b", false, "software"), ("b", false, "retail"),
                 })
        {
            var lead = LeadBuilder.New().AtCompany(industry: industry).WithField("team", Abstractions.Leads.CustomFieldValue.FromText(team)).Build();
            history.Add(new HistoricalLead(lead, Decided, won));
        }

        var options = Options(LeadFeature.Industry);
        options.Segment = LeadFeature.CustomText(new Abstractions.Leads.CustomFieldKey("team"));
        options.MinimumSupport = 1;
        var scorer = new NaiveBayesTrainer(options).Train(history);
        var teamA = scorer.Explain(history[0].Lead, Decided);

        // Prior odds of team a: (3 + 1) / (1 + 1) = 2.
        Assert.Equal("a", teamA.Segment);
        Assert.Equal(Math.Log(2), teamA.PriorLogOdds, 12);
        Assert.True(scorer.Probability(history[0].Lead, Decided) > scorer.Probability(history[4].Lead, Decided));
    }

    [Fact]
    public void Observe_AddingOutcomesOneByOne_EqualsTrainingOnEverything()
    {
        var history = SyntheticHistory.Create(400, seed: 3);
        var trainer = Trainer(LeadFeature.Source, LeadFeature.Seniority, LeadFeature.SignalPresent(EngagementSignalKind.DemoRequested));
        var incremental = trainer.Train(history.Take(200).ToList());
        foreach (var item in history.Skip(200))
        {
            incremental.Observe(item);
        }

        var batch = trainer.Train(history);
        Assert.Equal((batch.Won, batch.Lost), (incremental.Won, incremental.Lost));
        foreach (var item in history.Take(50))
        {
            Assert.Equal(batch.Probability(item.Lead, item.DecidedAt), incremental.Probability(item.Lead, item.DecidedAt), 12);
        }
    }

    [Fact]
    public void Observe_FromManyThreadsWhileScoring_LosesNoUpdateAndMatchesBatchTraining()
    {
        var history = SyntheticHistory.Create(2000, seed: 4);
        var trainer = Trainer(LeadFeature.Source, LeadFeature.Seniority, LeadFeature.Industry);
        var concurrent = trainer.Train(history.Take(400).ToList());
        var probe = history[0];

        Parallel.Invoke(
            () => Parallel.ForEach(history.Skip(400), new ParallelOptions { MaxDegreeOfParallelism = 4 }, concurrent.Observe),
            () =>
            {
                for (var i = 0; i < 2000; i++)
                {
                    var p = concurrent.Probability(probe.Lead, probe.DecidedAt);
                    Assert.True(p is > 0 and < 1);
                }
            });

        var batch = trainer.Train(history);
        Assert.Equal((batch.Won, batch.Lost), (concurrent.Won, concurrent.Lost));
        foreach (var item in history.Take(100))
        {
            Assert.Equal(batch.Probability(item.Lead, item.DecidedAt), concurrent.Probability(item.Lead, item.DecidedAt), 12);
        }
    }

    [Fact]
    public void Train_SignalAfterTheDecision_IsNotCounted()
    {
        // Every won lead requests a demo one day after the decision: a leak that must not make "demo" predictive.
        var history = Tiny();
        var leaked = history.Select(h => h.Converted
            ? new HistoricalLead(h.Lead with { Signals = [new EngagementSignal(EngagementSignalKind.DemoRequested, h.DecidedAt.AddDays(1))] }, h.DecidedAt, true)
            : h).ToList();
        var options = Options(LeadFeature.Source, LeadFeature.SignalPresent(EngagementSignalKind.DemoRequested));
        options.MinimumSupport = 1;

        var withDemo = new NaiveBayesTrainer(options).Train(leaked);
        var sourceOnly = Trainer(LeadFeature.Source).Train(leaked);

        // "demo" read as of each decision is "no" for every lead: neutral, so the scores are those of the source alone.
        Assert.All(leaked, h => Assert.Equal(sourceOnly.Score(h.Lead, h.DecidedAt), withDemo.Score(h.Lead, h.DecidedAt)));
    }

    [Fact]
    public void Train_NullEntry_ThrowsArgumentExceptionNamingTheParameterAndTheIndex()
    {
        var history = SyntheticHistory.Create(200, seed: 30);
        history[123] = null!;
        var trainer = new NaiveBayesTrainer(new NaiveBayesOptions { Features = { LeadFeature.Source } });

        var ex = Assert.Throws<InvalidHistoryException>(() => trainer.Train(history));
        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal("history", ex.ParamName);
        Assert.Equal("history[123] is null; every entry must be a HistoricalLead.", Assert.Single(ex.Problems));

        var crossValidated = Assert.Throws<InvalidHistoryException>(() => trainer.CrossValidate(history));
        Assert.Equal(ex.Problems.ToArray(), crossValidated.Problems.ToArray());
    }

    [Fact]
    public void Train_DefaultMinimums_RequireFortyOfEach()
    {
        var options = new NaiveBayesOptions { Features = { LeadFeature.Source } };
        var ex = Assert.Throws<InvalidHistoryException>(() => new NaiveBayesTrainer(options).Train(Tiny()));
        Assert.Contains("4 won leads, fewer than MinimumWon (40)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4 lost leads, fewer than MinimumLost (40)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_NoWonLead_RefusesToPredictAConstant()
    {
        var history = Tiny().Where(h => !h.Converted).ToList();
        var ex = Assert.Throws<InvalidHistoryException>(() => Trainer(LeadFeature.Source).Train(history));
        Assert.Contains("0 won and 4 lost", ex.Message, StringComparison.Ordinal);
        Assert.Contains("predict a constant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ConstantFeature_IsNeutral()
    {
        // Issue 22: a feature constant within one training fold threw; it now adds 0, like a value without support.
        var withCountry = Trainer(LeadFeature.Source, LeadFeature.Country).Train(Tiny());
        var sourceOnly = Trainer([LeadFeature.Source]).Train(Tiny());

        Assert.All(Tiny(), h => Assert.Equal(sourceOnly.Score(h.Lead, h.DecidedAt), withCountry.Score(h.Lead, h.DecidedAt)));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new NaiveBayesOptions { Smoothing = double.NaN, MinimumSupport = 0, Features = { LeadFeature.Source, LeadFeature.Source } };
        var ex = Assert.Throws<ConfigurationException>(() => new NaiveBayesTrainer(options));
        Assert.Equal(
            [("Features[1]", ConfigurationProblemCodes.DuplicateName), ("Smoothing", ConfigurationProblemCodes.OutOfRange), ("MinimumSupport", ConfigurationProblemCodes.OutOfRange)],
            ex.Problems.Select(p => (p.Path, p.Code)));
        Assert.Contains("must be a positive finite number (was NaN)", ex.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("'source'", ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossValidate_SameSeed_IsDeterministicAndBeatsChance()
    {
        var history = SyntheticHistory.Create(1500, seed: 5);
        var trainer = Trainer(LeadFeature.Source, LeadFeature.Seniority, LeadFeature.SignalPresent(EngagementSignalKind.DemoRequested));
        var first = trainer.CrossValidate(history, folds: 5, seed: 11);
        var second = trainer.CrossValidate(history, folds: 5, seed: 11);

        Assert.Equal(first.FoldAucs.ToArray(), second.FoldAucs.ToArray());
        Assert.Equal(first.PooledAuc, second.PooledAuc);
        Assert.Equal(5, first.Folds);
        Assert.True(first.MeanAuc > 0.7, $"mean AUC {first.MeanAuc}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public bool Probability_IsStrictlyBetweenZeroAndOne(Outcomes outcomes, PositiveInt smoothingHundredths)
    {
        var history = outcomes.Items.Select(o => Outcome(o.Source, o.Won)).ToList();
        var options = Options(LeadFeature.Source);
        options.Smoothing = ((smoothingHundredths.Get % 500) + 1) / 100.0;
        options.MinimumSupport = 1;
        var scorer = new NaiveBayesTrainer(options).Train(history);
        return history.All(h => scorer.Probability(h.Lead, Decided) is > 0 and < 1);
    }

    public sealed record Outcomes((LeadSource Source, bool Won)[] Items)
    {
        public override string ToString() => string.Join(", ", Items.Select(i => $"{i.Source}:{i.Won}"));
    }

    public static class Arbitraries
    {
        public static Arbitrary<Outcomes> Outcomes() =>
            (from rest in Gen.Zip(Gen.Elements(LeadSource.Referral, LeadSource.PurchasedList, LeadSource.Webinar), Gen.Elements(true, false)).ArrayOf()
             select new Outcomes([(LeadSource.Referral, true), (LeadSource.PurchasedList, false), .. rest]))
            .ToArbitrary();
    }

    private static List<HistoricalLead> Tiny() =>
    [
        Outcome(LeadSource.Referral, true), Outcome(LeadSource.Referral, true), Outcome(LeadSource.Referral, true), Outcome(LeadSource.PurchasedList, true),
        Outcome(LeadSource.Referral, false), Outcome(LeadSource.PurchasedList, false), Outcome(LeadSource.PurchasedList, false), Outcome(LeadSource.PurchasedList, false),
    ];

    private static HistoricalLead Outcome(LeadSource source, bool won) => new(LeadBuilder.New().From(source).Build(), Decided, won);

    private static NaiveBayesOptions Options(params LeadFeature[] features)
    {
        var options = new NaiveBayesOptions { MinimumWon = 1, MinimumLost = 1, MinimumSupport = 1 };
        foreach (var feature in features)
        {
            options.Features.Add(feature);
        }

        return options;
    }

    private static NaiveBayesTrainer Trainer(LeadFeature feature, int minimumSupport = 1)
    {
        var options = Options(feature);
        options.MinimumSupport = minimumSupport;
        return new NaiveBayesTrainer(options);
    }

    private static NaiveBayesTrainer Trainer(params LeadFeature[] features) => new(Options(features));
}
