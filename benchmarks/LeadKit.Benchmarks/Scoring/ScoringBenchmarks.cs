using BenchmarkDotNet.Attributes;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;

namespace LeadKit.Benchmarks.Scoring;

/// <summary>
/// Per-lead cost of the reference model (20 rules, leads with 20 signals): the framework's <c>Score</c> against the
/// hand-written baseline, and the explanation. Each invocation scores <see cref="Batch"/> different leads, so the
/// reported mean is per lead.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Batch = 1024;
    private Lead[] _leads = [];
    private ScoringModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ReferenceModel.Build();
        _leads = ReferenceLeads.Generate(Batch, seed: 42);
        foreach (var lead in _leads)
        {
            var framework = _model.Score(lead, ReferenceLeads.Now);
            var baseline = HandWrittenScorer.Score(lead, ReferenceLeads.Now);
            if (Math.Abs(framework.Total - baseline.Total) > 1e-9 || Math.Abs(framework.Fit - baseline.Fit) > 1e-9)
            {
                throw new InvalidOperationException($"The hand-written baseline disagrees with the model for lead {lead.Id}: {baseline} vs {framework}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public double HandWritten()
    {
        var sum = 0.0;
        foreach (var lead in _leads)
        {
            sum += HandWrittenScorer.Score(lead, ReferenceLeads.Now).Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double Score()
    {
        var sum = 0.0;
        foreach (var lead in _leads)
        {
            sum += _model.Score(lead, ReferenceLeads.Now).Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Explain()
    {
        var rules = 0;
        foreach (var lead in _leads)
        {
            rules += _model.Explain(lead, ReferenceLeads.Now).Rules.Length;
        }

        return rules;
    }
}
