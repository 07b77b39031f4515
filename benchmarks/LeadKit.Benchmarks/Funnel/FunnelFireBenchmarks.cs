using BenchmarkDotNet.Attributes;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;

namespace LeadKit.Benchmarks.Funnel;

/// <summary>
/// Firing triggers on the default funnel. Targets: an accepted Fire at most 100 ns allocating only the new state and
/// its history entry; CanFire 0 bytes. The baseline is a hand-written switch over the same stage that allocates
/// exactly the same two objects, so the ratio shows what the compiled definition's look-ups cost.
/// </summary>
[MemoryDiagnoser]
public class FunnelFireBenchmarks
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private FunnelDefinition _definition = null!;
    private FunnelDefinition _guarded = null!;
    private FunnelState _mql = null!;
    private FunnelState _guardedLead = null!;
    private DateTimeOffset _at;
    private TransitionDetails _details;

    [GlobalSetup]
    public void Setup()
    {
        _definition = DefaultFunnel.Create();
        var builder = DefaultFunnel.CreateBuilder();
        builder.Configure(new FunnelStage("bench-guarded"))
            .PermitIf(FunnelTrigger.Qualify, FunnelStage.Customer, static (in FunnelGuardContext context) => context.OccurredAt >= context.State.EnteredAt, "not dated before entry")
            .PermitIf(FunnelTrigger.Win, FunnelStage.Customer, static (in FunnelGuardContext context) => context.State.Version > 100, "more than 100 changes");
        builder.Configure(FunnelStage.Suspect).Permit(new FunnelTrigger("bench-enter"), new FunnelStage("bench-guarded"));
        _guarded = builder.Build();
        _at = T0.AddHours(3);
        _details = new TransitionDetails(Actor: "sdr-1");

        var state = _definition.Start(new LeadId("bench"), T0);
        state = _definition.Fire(state, FunnelTrigger.Qualify, T0.AddHours(1)).State;
        _mql = _definition.Fire(state, FunnelTrigger.Qualify, T0.AddHours(2)).State;
        _guardedLead = _guarded.Fire(_guarded.Start(new LeadId("bench-g"), T0), new FunnelTrigger("bench-enter"), T0.AddHours(1)).State;
    }

    [Benchmark(Baseline = true, Description = "Hand-written switch (same 2 allocations)")]
    public FunnelState HandWritten()
    {
        var state = _mql;
        FunnelStage destination;
        switch (state.Stage.Value)
        {
            case "mql":
                destination = FunnelStage.Sal;
                break;
            default:
                throw new InvalidOperationException("unexpected stage");
        }

        return state.Append(new StageChange
        {
            From = state.Stage,
            To = destination,
            Trigger = FunnelTrigger.Accept,
            OccurredAt = _at,
            Actor = _details.Actor,
        });
    }

    [Benchmark(Description = "Fire accepted (mql --accept--> sal)")]
    public FunnelState FireAccepted() => _definition.Fire(_mql, FunnelTrigger.Accept, _at, in _details).State;

    [Benchmark(Description = "Fire accepted, one guard")]
    public FunnelState FireAcceptedGuarded() => _guarded.Fire(_guardedLead, FunnelTrigger.Qualify, _at, in _details).State;

    [Benchmark(Description = "Fire invalid (mql --win)")]
    public FireOutcome FireInvalid() => _definition.Fire(_mql, FunnelTrigger.Win, _at, in _details).Outcome;

    [Benchmark(Description = "Fire refused (unmet guard)")]
    public FireOutcome FireRefused() => _guarded.Fire(_guardedLead, FunnelTrigger.Win, _at, in _details).Outcome;

    [Benchmark(Description = "CanFire permitted")]
    public bool CanFirePermitted() => _definition.CanFire(_mql, FunnelTrigger.Accept, _at, in _details);

    [Benchmark(Description = "CanFire guarded")]
    public bool CanFireGuarded() => _guarded.CanFire(_guardedLead, FunnelTrigger.Qualify, _at, in _details);

    [Benchmark(Description = "CanFire not permitted")]
    public bool CanFireInvalid() => _definition.CanFire(_mql, FunnelTrigger.Win, _at, in _details);
}
