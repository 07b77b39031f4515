using BenchmarkDotNet.Attributes;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.Scorecards;

namespace LeadKit.Benchmarks.Learning;

/// <summary>Backtesting 100,000 leads with a 30-condition learned scorecard (target under 1 s), including scoring, AUC, the full curve and calibration.</summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private List<HistoricalLead> _history = null!;
    private LearnedScorecard _scorer = null!;
    private Backtester _backtester = null!;

    [GlobalSetup]
    public void Setup()
    {
        _history = LearningConditions.History(100_000, seed: 43);
        _scorer = new ScorecardTrainer(LearningConditions.All).Train(LearningConditions.History(20_000, seed: 44));
        _backtester = new Backtester(new BacktestOptions { MqlThreshold = 40, SqlThreshold = 60, WeeklyCapacity = 100 });
    }

    [Benchmark(Description = "Backtest 100k leads")]
    public BacktestReport Run() => _backtester.Run(_history, _scorer);
}
