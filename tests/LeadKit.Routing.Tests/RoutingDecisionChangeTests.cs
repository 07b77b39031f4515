using System.Collections.Immutable;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Sales;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

/// <summary>
/// The plan records its own pools' changes as they are (one decision object) and recomputes every other step's, so a
/// plugin or a step borrowed from another plan cannot record counters of its own making.
/// </summary>
public sealed class RoutingDecisionChangeTests
{
    private static readonly RoutingLedgerSnapshot Ledger = new(
        7,
        ImmutableDictionary<SalesRepId, RepCounters>.Empty.Add(Id("ana"), Counters(3, 2, null, 0)),
        ImmutableDictionary.Create<string, PoolRotation>(StringComparer.Ordinal));

    [Fact]
    public void AssignedWithChange_TakesRepAndRotationFromTheChange()
    {
        var rotation = new PoolRotation { Name = "team:t/RoundRobin", LastRep = Id("ana") };
        var change = new RoutingLedgerChange { ExpectedVersion = 4, RepId = Id("ana"), Counters = Counters(1, 1, null, 0), Pool = rotation };

        var decision = RoutingDecision.AssignedWithChange(change, "step");

        Assert.True(decision.IsAssigned);
        Assert.Equal(Id("ana"), decision.RepId);
        Assert.Equal("step", decision.DecidedBy);
        Assert.Same(rotation, decision.Rotation);
        Assert.Same(change, decision.Change);
        Assert.Throws<ArgumentNullException>(() => RoutingDecision.AssignedWithChange(null!, "step"));
        Assert.Throws<ArgumentException>(() => RoutingDecision.AssignedWithChange(change, ""));
    }

    [Fact]
    public void Plan_OwnPoolStep_RecordsTheStepsDecisionAsItIs()
    {
        var plan = new RoutingPlanBuilder().AddReps([Rep("ana"), Rep("bruno")]).AddAllReps(RepSelection.RoundRobin).Build();
        var step = plan.Steps[0];

        var fromStep = step.Decide(new RoutingContext(AnyLead(), Now, Ledger));
        var fromPlan = plan.Decide(new RoutingContext(AnyLead(), Now, Ledger));

        Assert.Equal(fromStep.Change, fromPlan.Change);
        Assert.Equal(new RoutingLedgerChange { ExpectedVersion = 7, RepId = Id("ana"), Counters = Counters(4, 3, null, 0), Pool = fromStep.Rotation }, fromPlan.Change);
    }

    [Fact]
    public void Plan_PluginStepWithItsOwnChange_CountersRecomputedByThePlan()
    {
        var forged = new RoutingLedgerChange { ExpectedVersion = 7, RepId = Id("ana"), Counters = Counters(0, 0, null, 0) };
        var plan = new RoutingPlanBuilder().AddReps([Rep("ana")]).AddStep(_ => new FixedStep(RoutingDecision.AssignedWithChange(forged, "forger"))).Build();

        var decision = plan.Decide(new RoutingContext(AnyLead(), Now, Ledger));

        Assert.Equal(Counters(4, 3, null, 0), decision.Change!.Counters);
        Assert.Equal(7, decision.Change.ExpectedVersion);
    }

    [Fact]
    public void Plan_StepBorrowedFromAnotherPlan_CountsWithThisPlansRules()
    {
        // Plan A counts ana's monthly capacity; plan B (no capacity period) must not record a period for her.
        IRoutingStrategy? borrowed = null;
        var a = new RoutingPlanBuilder()
            .AddReps([Rep("ana", maxPerPeriod: 10)])
            .AddTeam(new SalesTeamId("t"), Id("ana"))
            .AddStep(context => borrowed = context.CreateTeamStrategy(new SalesTeamId("t"), RepSelection.RoundRobin, "a-team"))
            .Build();
        var b = new RoutingPlanBuilder();
        b.Options.CapacityPeriod = CapacityPeriod.None;
        var planB = b.AddReps([Rep("ana", maxPerPeriod: 10)]).AddStep(_ => borrowed!).Build();

        var inA = a.Decide(new RoutingContext(AnyLead(), Now, Ledger));
        var inB = planB.Decide(new RoutingContext(AnyLead(), Now, Ledger));

        Assert.Equal(Counters(4, 3, new DateOnly(2026, 6, 1), 1), inA.Change!.Counters);
        Assert.Equal(Counters(4, 3, null, 0), inB.Change!.Counters);
        Assert.Equal(inA.Rotation, inB.Change.Pool);
    }

    [Theory]
    [InlineData(RepSelection.RoundRobin, 128)]
    [InlineData(RepSelection.LoadBalancing, 128)]
    public void Plan_PoolDecision_AllocatesOnlyTheDecisionAndTheChange(RepSelection selection, long maximumBytes)
    {
        // 128 B = one RoutingDecision (64 B) + one RoutingLedgerChange (64 B) on 64-bit; the rotation is shared.
        var reps = Enumerable.Range(0, 10).Select(i => Rep($"rep-{i}", maxOpen: 100)).ToArray();
        var plan = new RoutingPlanBuilder().AddReps(reps).AddAllReps(selection).Build();
        var context = new RoutingContext(AnyLead(), Now, Ledger);
        plan.Decide(context);

        const int Rounds = 100;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            plan.Decide(context);
        }

        var perDecision = (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds;
        Assert.InRange(perDecision, 1, maximumBytes);
    }

    private sealed class FixedStep(RoutingDecision decision) : IRoutingStrategy
    {
        public string Name => "forger";

        public RoutingDecision Decide(in RoutingContext context) => decision;
    }
}
