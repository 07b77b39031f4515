using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Qualification;
using LeadKit.Learning.Backtesting;
using LeadKit.Testing;
using static LeadKit.Learning.Tests.Backtesting.BacktestFixtures;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.Tests.Backtesting;

public sealed class BacktesterTests
{
    private static readonly int[] Scores = [0, 1, 1, 2, 3, 3, 4, 5, 6, 6];
    private static readonly bool[] Labels = [false, false, true, false, false, true, false, true, true, true];

    [Fact]
    public void Run_SignalAfterTheDecision_CannotChangeTheResult()
    {
        var history = History(Scores, Labels);

        // Give every lost lead a burst of page views one day AFTER its decision. The leaky scorer counts them all
        // (it ignores asOf) and would rank those leads first, if it ever saw them.
        var leaked = history.Select(h => h.Converted
            ? h
            : new HistoricalLead(
                h.Lead with { Signals = [.. h.Lead.Signals, .. Enumerable.Repeat(new EngagementSignal(EngagementSignalKind.PageView, h.DecidedAt.AddDays(1)), 50)] },
                h.DecidedAt,
                h.Converted)).ToList();

        var backtester = new Backtester();
        var clean = backtester.Run(history, new LeakyScorer());
        var withFuture = backtester.Run(leaked, new LeakyScorer());

        Assert.Equal(clean.Auc, withFuture.Auc);
        Assert.Equal(clean.Curve.ToArray(), withFuture.Curve.ToArray());
        Assert.True(new LeakyScorer().Score(leaked[0].Lead, leaked[0].DecidedAt).Total >= 50, "the scorer does react to the future signals when given them");
    }

    [Fact]
    public void Run_HandCheckedHistory_ReportsAucCurveAndBestF1()
    {
        var report = new Backtester().Run(History(Scores, Labels), new LeakyScorer());

        // Pairs won by converted leads (ties count 1/2): 1→0.5+1, 3→(1+1+1+0.5), 5→5, 6→5, 6→5 = 20 of 25.
        Assert.Equal(20.0 / 25, report.Auc, 12);
        Assert.Equal(10, report.Count);
        Assert.Equal(5, report.Converted);
        Assert.Equal([6.0, 5, 4, 3, 2, 1, 0], report.Curve.Select(p => p.Threshold));
        var atFive = report.Curve[1].Matrix;
        Assert.Equal(new ConfusionMatrix(3, 0, 2, 5), atFive);
        Assert.Equal(2.0, atFive.Lift, 12);

        // F1 = 2TP / (2TP + FP + FN): at 5: 6/8 = 0.75; at 3: 8/11 = 0.727; at 1: 10/14 = 0.714: best is 5.
        Assert.Equal(5, report.BestF1.Threshold);
        Assert.Equal(0.75, report.BestF1.Matrix.F1, 12);
    }

    [Fact]
    public void Run_ThresholdsTemperaturesAndPolicy_GiveTheirConfusionMatrices()
    {
        var history = History(Scores, Labels);
        history[9] = new HistoricalLead(history[9].Lead with { Consent = history[9].Lead.Consent with { DoNotContact = true } }, history[9].DecidedAt, true);
        var report = new Backtester(new BacktestOptions { MqlThreshold = 2, SqlThreshold = 4 })
            .Run(history, new LeakyScorer(), new ThresholdTemperature(), new ThresholdPolicy());

        Assert.Equal(new ConfusionMatrix(4, 3, 1, 2), report.AtMqlThreshold);
        Assert.Equal(new ConfusionMatrix(3, 1, 2, 4), report.AtSqlThreshold);
        Assert.Equal(new ConfusionMatrix(3, 3, 2, 2), report.PolicyMarketingQualified);
        Assert.Equal(new ConfusionMatrix(2, 1, 3, 4), report.PolicySalesQualified);
        Assert.Equal(new ConfusionMatrix(3, 1, 2, 4), report.Hot);
        Assert.Equal(new ConfusionMatrix(4, 3, 1, 2), report.WarmOrHot);
        Assert.Equal([Temperature.Cold, Temperature.Warm, Temperature.Hot], report.Temperatures.Select(t => t.Temperature));
        Assert.Equal([(1, 3), (1, 3), (3, 4)], report.Temperatures.Select(t => (t.Conversion.Successes, t.Conversion.Trials)));
    }

    [Fact]
    public void Run_Calibration_KeepsTiesTogetherAndCoversEveryLead()
    {
        var report = new Backtester(new BacktestOptions { CalibrationBandCount = 5 }).Run(History(Scores, Labels), new LeakyScorer());

        // Sorted scores 0 1 | 1 2 | 3 3 | 4 5 | 6 6: the tie at 1 pulls the second score into the first band.
        Assert.Equal(10, report.Calibration.Sum(b => b.Conversion.Trials));
        Assert.Equal(5, report.Calibration.Sum(b => b.Conversion.Successes));
        Assert.Equal([(0.0, 1.0), (2.0, 2.0), (3.0, 3.0), (4.0, 5.0), (6.0, 6.0)], report.Calibration.Select(b => (b.MinScore, b.MaxScore)));
        Assert.Equal(ProportionInterval.Wilson(2, 2), report.Calibration[^1].Conversion);
    }

    [Fact]
    public void Run_WeeklyCapacity_QualifiesAboutThatManyLeadsPerWeek()
    {
        // 20 leads decided over 4 weeks (28 days); capacity 1 a week → the 4 best leads.
        var history = Enumerable.Range(0, 20).Select(i => WithViews(i, converted: i % 3 == 0, decidedDaysAgo: 10 + (i * 28.0 / 19))).ToList();
        var report = new Backtester(new BacktestOptions { WeeklyCapacity = 1 }).Run(history, new LeakyScorer());

        Assert.Equal(4, report.Weeks, 9);
        Assert.NotNull(report.ForWeeklyCapacity);
        Assert.Equal(16, report.ForWeeklyCapacity.Value.Threshold);
        Assert.Equal(4, report.ForWeeklyCapacity.Value.Matrix.PredictedPositive);
        Assert.Equal(1, report.ForWeeklyCapacity.Value.LeadsPerWeek, 9);
    }

    [Fact]
    public void Run_NoConvertedLead_ThrowsNamingTheProblem()
    {
        var ex = Assert.Throws<InvalidHistoryException>(() => new Backtester().Run(History([1, 2, 3], [false, false, false]), new LeakyScorer()));
        Assert.Contains("no converted lead", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FewerThanTheMinimum_ListsBothClasses()
    {
        var options = new BacktestOptions { MinimumConverted = 40, MinimumNotConverted = 40 };
        var ex = Assert.Throws<InvalidHistoryException>(() => new Backtester(options).Run(History(Scores, Labels), new LeakyScorer()));
        Assert.Equal(2, ex.Problems.Length);
        Assert.Contains("5 converted leads, fewer than MinimumConverted (40)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5 non-converted leads, fewer than MinimumNotConverted (40)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScorerReturnsNaN_ThrowsNamingThePositionNotTheLeadId()
    {
        var history = History(Scores, Labels);
        var nanFor = history[3].Lead.Id;
        var scorer = new FunctionScorer(lead => lead.Id == nanFor ? double.NaN : lead.Signals.Length);
        var ex = Assert.Throws<InvalidHistoryException>(() => new Backtester().Run(history, scorer));
        Assert.Contains("for history[3];", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", ex.Message, StringComparison.Ordinal);

        // Applications use e-mail addresses as lead ids: the position identifies the record, the id is never printed.
        Assert.DoesNotContain(nanFor.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NullEntry_ThrowsArgumentExceptionNamingTheParameterAndTheIndex()
    {
        var history = History(Scores, Labels);
        history[4] = null!;
        var ex = Assert.Throws<InvalidHistoryException>(() => new Backtester().Run(history, new LeakyScorer()));
        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal("history", ex.ParamName);
        Assert.Equal("history[4] is null; every entry must be a HistoricalLead.", Assert.Single(ex.Problems));
    }

    [Fact]
    public void Compare_NullEntries_NamesEachIndex()
    {
        var history = History(Scores, Labels);
        history[0] = null!;
        history[9] = null!;
        var ex = Assert.Throws<InvalidHistoryException>(() => new Backtester().Compare(history, new LeakyScorer(), new LeakyScorer()));
        Assert.Equal("history", ex.ParamName);
        Assert.Equal(["history[0] is null; every entry must be a HistoricalLead.", "history[9] is null; every entry must be a HistoricalLead."], ex.Problems.ToArray());
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryOneWithItsValue()
    {
        var ex = Assert.Throws<ConfigurationException>(() => new Backtester(new BacktestOptions { CalibrationBandCount = 0, ConfidenceLevel = 1.5, WeeklyCapacity = -1 }));
        Assert.Equal(["CalibrationBandCount", "WeeklyCapacity", "ConfidenceLevel"], ex.Problems.Select(p => p.Path));
        Assert.All(ex.Problems, p => Assert.Equal(ConfigurationProblemCodes.OutOfRange, p.Code));
        Assert.Contains("CalibrationBandCount: must be between 1 and 1000 (was 0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(was 1.5)", ex.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BetterScorer_HasAPositiveSignificantDifference()
    {
        var random = new Random(7);
        var history = Enumerable.Range(0, 300).Select(i =>
        {
            var converted = random.NextDouble() < 0.3;
            var views = random.Next(0, 5) + (converted ? 3 : 0);
            return WithViews(views, converted);
        }).ToList();
        var informed = new LeakyScorer();
        var noisy = new FunctionScorer(lead => (lead.Signals.Length * 0.2) + (lead.Id.GetHashCode() % 7));

        var comparison = new Backtester().Compare(history, informed, noisy);

        Assert.True(comparison.Difference > 0);
        Assert.True(comparison.Lower > 0, $"interval [{comparison.Lower}, {comparison.Upper}] should exclude 0");
        Assert.True(comparison.Lower <= comparison.Difference && comparison.Difference <= comparison.Upper);
        Assert.True(comparison.IsSignificant);
    }

    [Fact]
    public void Compare_SameScorerTwice_HasAZeroInterval()
    {
        var comparison = new Backtester().Compare(History(Scores, Labels), new LeakyScorer(), new LeakyScorer());
        Assert.Equal((0.0, 0.0, 0.0), (comparison.Difference, comparison.Lower, comparison.Upper));
        Assert.False(comparison.IsSignificant);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
    public bool Compare_SameSeed_GivesTheSameInterval(HistorySample sample, int seed)
    {
        var history = History(sample.Scores, sample.Labels);
        var options = new BacktestOptions { BootstrapSeed = seed, BootstrapIterations = 200 };
        var other = new FunctionScorer(lead => lead.Signals.Length % 3);
        var first = new Backtester(options).Compare(history, new LeakyScorer(), other);
        var second = new Backtester(options).Compare(history, new LeakyScorer(), other);
        return first == second;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
    public bool Run_RecallNeverIncreasesAsTheThresholdRises(HistorySample sample)
    {
        var curve = new Backtester().Run(History(sample.Scores, sample.Labels), new LeakyScorer()).Curve;
        for (var i = 1; i < curve.Length; i++)
        {
            // Curve runs from the highest threshold down: recall must not fall as the threshold falls.
            if (curve[i].Threshold >= curve[i - 1].Threshold || curve[i].Matrix.Recall < curve[i - 1].Matrix.Recall)
            {
                return false;
            }
        }

        return curve[^1].Matrix.Recall == 1;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
    public bool Run_AucMatchesRocAucOfTheScores(HistorySample sample)
    {
        var report = new Backtester().Run(History(sample.Scores, sample.Labels), new LeakyScorer());
        return report.Auc == RocAuc.Compute(sample.Scores.Select(s => (double)s).ToArray(), sample.Labels);
    }

    public sealed record HistorySample(int[] Scores, bool[] Labels)
    {
        public override string ToString() => $"scores [{string.Join(", ", Scores)}], labels [{string.Join(", ", Labels)}]";
    }

    public static class Arbitraries
    {
        public static Arbitrary<HistorySample> HistorySample() =>
            (from rest in Gen.Zip(Gen.Choose(0, 8), Gen.Elements(true, false)).ArrayOf()
             from first in Gen.Choose(0, 8)
             from second in Gen.Choose(0, 8)
             select new HistorySample(
                 [first, second, .. rest.Take(30).Select(p => p.Item1)],
                 [true, false, .. rest.Take(30).Select(p => p.Item2)]))
            .ToArbitrary();
    }
}
