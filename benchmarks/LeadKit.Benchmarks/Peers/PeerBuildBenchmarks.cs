using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// Builds (compiles) the 20 reference rules from scratch in every engine, cold: each iteration builds a new rule set
/// and scores one lead, because RulesEngine compiles its expressions lazily on first use.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class PeerBuildBenchmarks
{
    private FlatLead _flat = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lead = PeerLeadGenerator.Generate(1, seed: 11)[0];
        _flat = FlatLead.From(_lead, PeerLeadGenerator.AsOf);
    }

    private LeadKit.Abstractions.Leads.Lead _lead = null!;

    [Benchmark]
    public double LeadKit_BuildInCodeAndScoreOne() => LeadKitReferenceModel.Build().Score(_lead, PeerLeadGenerator.AsOf).Total;

    [Benchmark]
    public double LeadKit_LoadJsonAndScoreOne() => LeadKitReferenceModel.FromJson().Score(_lead, PeerLeadGenerator.AsOf).Total;

    [Benchmark]
    public double RulesEngine_BuildAndScoreOne() => RulesEngineScorer.Create().Score(_flat);

    [Benchmark]
    public double NRules_CompileAndScoreOne() => NRulesScorer.Create().Score(_flat);
}
