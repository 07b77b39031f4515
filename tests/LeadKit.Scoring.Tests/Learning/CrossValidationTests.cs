using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Backtesting;
using LeadKit.Scoring.Learning;
using LeadKit.Scoring.Tests.Backtesting;

namespace LeadKit.Scoring.Tests.Learning;

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
}
