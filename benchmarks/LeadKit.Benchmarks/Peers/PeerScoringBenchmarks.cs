using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// Scores the same leads with the same 20 reference rules in every engine: one lead (warm) and 1,000 leads.
/// The setup first proves that all engines give identical totals on 10,000 leads and refuses to run otherwise.
/// RulesEngine and NRules get the flattened input (signal counts precomputed), their natural input; LeadKit is timed on
/// its own input and on the same flattened input (<see cref="LeadKitFlattenedModel"/>).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PeerScoringBenchmarks
{
    private const int BatchSize = 1_000;

    private Lead[] _leads = null!;
    private FlatLead[] _flat = null!;
    private RulesEngineScorer _rulesEngine = null!;
    private NRulesScorer _nrules = null!;
    private ScoringModel _leadKit = null!;
    private ScoringModel _leadKitJson = null!;
    private ScoringModel _leadKitFlattened = null!;
    private Lead[] _flattenedLeads = null!;
    private LeadScore[] _scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        PeerEquivalence.Verify(Console.Out, PeerEngines.All());
        _leads = PeerLeadGenerator.Generate(BatchSize, seed: 7);
        _flat = Array.ConvertAll(_leads, l => FlatLead.From(l, PeerLeadGenerator.AsOf));
        _rulesEngine = RulesEngineScorer.Create();
        _nrules = NRulesScorer.Create();
        _leadKit = LeadKitReferenceModel.Build();
        _leadKitJson = LeadKitReferenceModel.FromJson();
        _leadKitFlattened = LeadKitFlattenedModel.Build();
        _flattenedLeads = new Lead[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            _flattenedLeads[i] = LeadKitFlattenedModel.ToLead(_leads[i], _flat[i]);
        }

        _scores = new LeadScore[BatchSize];
        _rulesEngine.Score(_flat[0]);
        _nrules.Score(_flat[0]);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("One lead")]
    public double HandWritten_One() => HandWrittenScorer.Score(_leads[0], PeerLeadGenerator.AsOf);

    [Benchmark, BenchmarkCategory("One lead")]
    public double LeadKit_One() => _leadKit.Score(_leads[0], PeerLeadGenerator.AsOf).Total;

    [Benchmark, BenchmarkCategory("One lead")]
    public double LeadKitFromJson_One() => _leadKitJson.Score(_leads[0], PeerLeadGenerator.AsOf).Total;

    [Benchmark, BenchmarkCategory("One lead")]
    public double LeadKitFlattened_One() => _leadKitFlattened.Score(_flattenedLeads[0], PeerLeadGenerator.AsOf).Total;

    [Benchmark, BenchmarkCategory("One lead")]
    public double LeadKit_Explain_One() => _leadKit.Explain(_leads[0], PeerLeadGenerator.AsOf).Score.Total;

    [Benchmark, BenchmarkCategory("One lead")]
    public double RulesEngine_One() => _rulesEngine.Score(_flat[0]);

    [Benchmark, BenchmarkCategory("One lead")]
    public double NRules_One() => _nrules.Score(_flat[0]);

    [Benchmark(Baseline = true), BenchmarkCategory("1,000 leads")]
    public double HandWritten_Thousand()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += HandWrittenScorer.Score(lead, PeerLeadGenerator.AsOf);
        }

        return sum;
    }

    [Benchmark, BenchmarkCategory("1,000 leads")]
    public double LeadKit_Thousand()
    {
        _leadKit.ScoreBatch(_leads, PeerLeadGenerator.AsOf, _scores);
        return _scores[^1].Total;
    }

    [Benchmark, BenchmarkCategory("1,000 leads")]
    public double LeadKitFlattened_Thousand()
    {
        _leadKitFlattened.ScoreBatch(_flattenedLeads, PeerLeadGenerator.AsOf, _scores);
        return _scores[^1].Total;
    }

    [Benchmark, BenchmarkCategory("1,000 leads")]
    public double RulesEngine_Thousand()
    {
        double sum = 0;
        foreach (var lead in _flat)
        {
            sum += _rulesEngine.Score(lead);
        }

        return sum;
    }

    [Benchmark, BenchmarkCategory("1,000 leads")]
    public double NRules_Thousand() => _nrules.ScoreAll(_flat);
}
