using BenchmarkDotNet.Attributes;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing;
using LeadKit.Routing.Ledger;

namespace LeadKit.Benchmarks.Routing;

/// <summary>
/// One assignment through a routing plan with a single team step of 10 reps: round robin and smooth weighted round
/// robin, against a hand-written locked rotation (the floor: a lock and an index). Target: at most 50 ns and 0 bytes.
/// The "decide + record" rows are the whole path over a warm in-memory ledger (every rep and the pool counted): read
/// the snapshot, decide, record the change (version-checked), which also builds the next immutable snapshot.
/// </summary>
[MemoryDiagnoser]
public class RotationBenchmarks
{
    private readonly object _baselineGate = new();
    private SalesRepId[] _baselineReps = null!;
    private int _baselineNext;
    private RoutingPlan _roundRobin = null!;
    private RoutingPlan _weighted = null!;
    private InMemoryRoutingLedgerStore _roundRobinLedger = null!;
    private InMemoryRoutingLedgerStore _weightedLedger = null!;
    private Lead _lead = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        _lead = new Lead { Id = new LeadId("bench-1"), CreatedAt = _now.AddDays(-1), Source = LeadSource.Webinar };
        var reps = Enumerable.Range(0, 10).Select(i => new SalesRep { Id = new SalesRepId($"rep-{i}"), Name = $"Rep {i}", Weight = 1 + (i % 5) }).ToArray();
        _baselineReps = [.. reps.Select(r => r.Id)];
        _roundRobin = Build(reps, RepSelection.RoundRobin);
        _weighted = Build(reps, RepSelection.WeightedRoundRobin);
        _roundRobinLedger = Warm(_roundRobin);
        _weightedLedger = Warm(_weighted);
    }

    [Benchmark(Baseline = true, Description = "hand-written locked rotation")]
    public SalesRepId HandWrittenRotation()
    {
        lock (_baselineGate)
        {
            var rep = _baselineReps[_baselineNext];
            _baselineNext = _baselineNext + 1 == _baselineReps.Length ? 0 : _baselineNext + 1;
            return rep;
        }
    }

    [Benchmark(Description = "round robin, 10 reps")]
    public RoutingDecision RoundRobin() => _roundRobin.Decide(new RoutingContext(_lead, _now, RoutingLedgerSnapshot.Empty));

    [Benchmark(Description = "weighted round robin, 10 reps")]
    public RoutingDecision WeightedRoundRobin() => _weighted.Decide(new RoutingContext(_lead, _now, RoutingLedgerSnapshot.Empty));

    [Benchmark(Description = "round robin, decide + record, warm ledger")]
    public RoutingDecision RoundRobinRecorded() => DecideAndRecord(_roundRobin, _roundRobinLedger);

    [Benchmark(Description = "weighted round robin, decide + record, warm ledger")]
    public RoutingDecision WeightedRoundRobinRecorded() => DecideAndRecord(_weighted, _weightedLedger);

    // Single-threaded, so the version check always passes; the in-memory store completes synchronously.
    private RoutingDecision DecideAndRecord(RoutingPlan plan, InMemoryRoutingLedgerStore ledger)
    {
        var decision = plan.Decide(new RoutingContext(_lead, _now, ledger.Current));
        var recorded = ledger.RecordAsync(decision.Change!);
        return recorded.IsCompleted && recorded.Result == RoutingLedgerRecordOutcome.Recorded
            ? decision
            : throw new InvalidOperationException("The in-memory ledger completes synchronously and, single-threaded, never conflicts.");
    }

    private InMemoryRoutingLedgerStore Warm(RoutingPlan plan)
    {
        var ledger = new InMemoryRoutingLedgerStore();
        for (var i = 0; i < 1_000; i++)
        {
            DecideAndRecord(plan, ledger);
        }

        return ledger;
    }

    private static RoutingPlan Build(SalesRep[] reps, RepSelection selection)
        => new RoutingPlanBuilder()
            .AddReps(reps)
            .AddTeam(new SalesTeamId("team"), reps.Select(r => r.Id))
            .AddTeamStep(new SalesTeamId("team"), selection)
            .Build();
}
