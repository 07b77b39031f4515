using BenchmarkDotNet.Attributes;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;

namespace LeadKit.Benchmarks.Scoring;

/// <summary>
/// Throughput of the batch API: 1,000,000 leads (100,000 distinct generated leads, each appearing 10 times, to keep
/// the working set near 100 MB on a shared machine) scored on 1 and 2 threads. Leads per second = 1,000,000 / mean.
/// Two orders: <c>loaded</c> visits the leads in the order they were created (as a list read from a database is),
/// <c>shuffled</c> jumps across the 100 MB at random, so nearly every lead's data comes from main memory.
/// </summary>
[MemoryDiagnoser]
public class ScoringBatchBenchmarks
{
    private const int Leads = 1_000_000;
    private const int Distinct = 100_000;
    private Lead[] _leads = [];
    private LeadScore[] _scores = [];
    private ScoringModel _model = null!;

    /// <summary>Gets or sets the order the leads are visited in: <c>loaded</c> or <c>shuffled</c>.</summary>
    [Params("loaded", "shuffled")]
    public string Order { get; set; } = "loaded";

    [GlobalSetup]
    public void Setup()
    {
        _model = ReferenceModel.Build();
        var distinct = ReferenceLeads.Generate(Distinct, seed: 7);
        _leads = new Lead[Leads];
        for (var i = 0; i < Leads; i++)
        {
            _leads[i] = distinct[Order == "loaded" ? i % Distinct : (int)((i * 7919L) % Distinct)];
        }

        _scores = new LeadScore[Leads];
    }

    [Benchmark(Baseline = true)]
    public void ScoreBatchOneThread() => _model.ScoreBatch(_leads, ReferenceLeads.Now, _scores);

    [Benchmark]
    public void ScoreParallelTwoThreads() => _model.ScoreParallel(_leads, ReferenceLeads.Now, _scores, maxDegreeOfParallelism: 2);
}
