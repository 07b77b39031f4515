using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Scoring;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.Tests.Backtesting;

namespace LeadKit.Learning.Tests;

public sealed class CrossValidationTests
{
    [Fact]
    public void Run_StratifiesFoldsAndTrainsOnTheOtherFolds()
    {
        var history = SyntheticHistory.Create(200, seed: 12);
        var won = history.Count(h => h.Converted);
        var trainingSizes = new List<(int Count, int Won)>();

        var result = CrossValidation.Run(history, folds: 4, seed: 1, training =>
        {
            trainingSizes.Add((training.Count, training.Count(h => h.Converted)));
            return new BacktestFixtures.LeakyScorer();
        });

        Assert.Equal(4, result.Folds);
        Assert.All(trainingSizes, s => Assert.InRange(s.Count, 149, 151));
        Assert.All(trainingSizes, s => Assert.InRange(s.Won, (won * 3 / 4) - 1, (won * 3 / 4) + 1));
        Assert.Equal(3 * history.Count, trainingSizes.Sum(s => s.Count));
    }

    [Fact]
    public void Run_DifferentSeeds_SplitDifferently()
    {
        var history = SyntheticHistory.Create(200, seed: 13);
        ILeadScorer Train(IReadOnlyList<HistoricalLead> training) => new BacktestFixtures.FunctionScorer(l => l.Id.ToString().Length % 5);
        var a = CrossValidation.Run(history, 5, 1, Train);
        var b = CrossValidation.Run(history, 5, 2, Train);
        Assert.NotEqual(a.FoldAucs.ToArray(), b.FoldAucs.ToArray());
    }

    [Fact]
    public void Run_FewerWonLeadsThanFolds_ThrowsNamingTheCounts()
    {
        var history = SyntheticHistory.Create(200, seed: 14).Where(h => !h.Converted).Take(50)
            .Concat(SyntheticHistory.Create(200, seed: 14).Where(h => h.Converted).Take(3)).ToList();
        var ex = Assert.Throws<InvalidHistoryException>(() => CrossValidation.Run(history, 5, 1, _ => new BacktestFixtures.LeakyScorer()));
        Assert.Contains("needs at least 5 won and 5 lost leads (had 3 won and 50 lost)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TrainerRefusesOneFoldsLeads_TheErrorNamesTheFoldAndKeepsTheCause()
    {
        var history = SyntheticHistory.Create(1000, seed: 16);
        var won = history.Count(h => h.Converted);
        // Enough won leads in the whole history, too few in any fold's training leads (four fifths of them).
        var trainer = new LeadKit.Learning.Scorecards.ScorecardTrainer(
            [LeadCondition.Create("manager", SyntheticHistory.IsManagerOrAbove)],
            new LeadKit.Learning.Scorecards.ScorecardOptions { MinimumWon = won });

        var ex = Assert.Throws<InvalidHistoryException>(() => trainer.CrossValidate(history, folds: 5, seed: 1));

        var problem = Assert.Single(ex.Problems);
        Assert.Matches(@"^fold 0 of 5 \(trained on \d+ leads\): The history has \d+ won", problem);
        Assert.IsType<InvalidHistoryException>(ex.InnerException);
        Assert.Equal("history", ex.ParamName);
    }

    [Fact]
    public void Run_NullEntry_ThrowsArgumentExceptionNamingTheParameterAndTheIndexBeforeTraining()
    {
        var history = SyntheticHistory.Create(100, seed: 15);
        history[7] = null!;
        var trained = 0;

        var ex = Assert.Throws<InvalidHistoryException>(() => CrossValidation.Run(history, 5, 1, _ =>
        {
            trained++;
            return new BacktestFixtures.LeakyScorer();
        }));

        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal("history", ex.ParamName);
        Assert.Equal("history[7] is null; every entry must be a HistoricalLead.", Assert.Single(ex.Problems));
        Assert.Equal(0, trained);
    }

    [Fact]
    public void Run_ManyNullEntries_NamesTheFirstTenAndCountsTheRest()
    {
        var history = SyntheticHistory.Create(100, seed: 16);
        for (var i = 20; i < 80; i += 4)
        {
            history[i] = null!;
        }

        var ex = Assert.Throws<InvalidHistoryException>(() => CrossValidation.Run(history, 5, 1, _ => new BacktestFixtures.LeakyScorer()));

        Assert.Equal(11, ex.Problems.Length);
        Assert.Equal(Enumerable.Range(0, 10).Select(k => $"history[{20 + (4 * k)}] is null; every entry must be a HistoricalLead."), ex.Problems.Take(10));
        Assert.Equal("history has 5 more null entries (15 in all).", ex.Problems[10]);
    }

    [Fact]
    public void Run_TrainReturnsNull_ThrowsNamingTheFold()
    {
        var history = SyntheticHistory.Create(100, seed: 17);
        var ex = Assert.Throws<InvalidOperationException>(() => CrossValidation.Run(history, 4, 1, _ => null!));
        Assert.StartsWith("train returned null for fold 0 (trained on ", ex.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 30)]
    public bool Run_NullAtAnyIndex_IsNamedByThatIndex(NullPosition position)
    {
        var history = SyntheticHistory.Create(position.Count, seed: position.Count);
        history[position.Index] = null!;
        var ex = Assert.Throws<InvalidHistoryException>(() => CrossValidation.Run(history, 2, 1, _ => new BacktestFixtures.LeakyScorer()));
        return ex.ParamName == "history" && ex.Problems.SequenceEqual([$"history[{position.Index}] is null; every entry must be a HistoricalLead."]);
    }

    public sealed record NullPosition(int Count, int Index);

    public static class Arbitraries
    {
        public static Arbitrary<NullPosition> NullPosition() =>
            (from count in Gen.Choose(1, 60)
             from index in Gen.Choose(0, count - 1)
             select new NullPosition(count, index))
            .ToArbitrary();
    }
}
