using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Ledger;
using LeadKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static LeadKit.Routing.Tests.Routing;
using LeadKit.Testing.Telemetry;

namespace LeadKit.Routing.Tests.Telemetry;

public sealed class RoutingTelemetryTests
{
    private const string Secret = "jane.doe@example.com";

    [Fact]
    public async Task Route_AssignedUnassignedAndConflict_CountedByPlanStepAndReasonWithoutIds()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var decisions = new MeasurementRecorder(factory, "leadkit.routing.decisions");
        using var unassigned = new MeasurementRecorder(factory, "leadkit.routing.unassigned");
        using var conflicts = new MeasurementRecorder(factory, "leadkit.routing.conflicts");
        var plan = new RoutingPlanBuilder().AddReps([Rep(Secret, maxOpen: 1)]).AddAllReps(RepSelection.RoundRobin).Build();
        var router = new LeadRouter(new RoutingPlanProvider(plan), new ConflictOnce(new InMemoryRoutingLedgerStore()), factory);

        var first = await router.RouteAsync(LeadBuilder.New().Build(), Now);
        var second = await router.RouteAsync(LeadBuilder.New().Build(), Now); // the only rep is full

        Assert.True(first.IsAssigned);
        Assert.False(second.IsAssigned);
        var decision = Assert.Single(decisions.Measurements);
        Assert.Equal((1L, "routing-plan", "all-reps"), (decision.Value, decision.Tags["leadkit.plan"], decision.Tags["leadkit.step"]));
        Assert.Equal("no-eligible-rep", Assert.Single(unassigned.Measurements).Tags["leadkit.reason"]);
        Assert.Equal("routing-plan", Assert.Single(conflicts.Measurements).Tags["leadkit.plan"]);
        var tags = decisions.Measurements.Concat(unassigned.Measurements).Concat(conflicts.Measurements).SelectMany(m => m.Tags.Values);
        Assert.DoesNotContain(tags, v => v?.ToString()?.Contains("example.com", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Route_OneActivityPerLead_TagsPlanOutcomeAndAttemptsWithoutIds()
    {
        using var activities = new ActivityRecorder("LeadKit.Routing");
        var plan = new RoutingPlanBuilder().AddReps([Rep(Secret)]).AddAllReps(RepSelection.RoundRobin).Build();
        var router = new LeadRouter(new RoutingPlanProvider(plan), new ConflictOnce(new InMemoryRoutingLedgerStore()));
        var lead = LeadBuilder.New().Build();

        await router.RouteAsync(lead, Now);

        var route = Assert.Single(activities.Stopped("leadkit.routing.route"));
        Assert.Equal(2, route.GetTagItem("leadkit.attempts"));

        Assert.Equal(("routing-plan", true, "all-reps"), (route.GetTagItem("leadkit.plan"), route.GetTagItem("leadkit.assigned"), route.GetTagItem("leadkit.step")));
        Assert.DoesNotContain(route.TagObjects, t => t.Value?.ToString()?.Contains("example.com", StringComparison.Ordinal) == true);
    }

    /// <summary>A store that reports one conflict (as if another router recorded first), then records.</summary>
    private sealed class ConflictOnce(IRoutingLedgerStore inner) : IRoutingLedgerStore
    {
        private int _conflicts = 1;

        public ValueTask<RoutingLedgerSnapshot> ReadAsync(CancellationToken cancellationToken = default) => inner.ReadAsync(cancellationToken);

        public ValueTask<RoutingLedgerRecordOutcome> RecordAsync(RoutingLedgerChange change, CancellationToken cancellationToken = default)
            => Interlocked.Exchange(ref _conflicts, 0) == 1 ? new(RoutingLedgerRecordOutcome.Conflict) : inner.RecordAsync(change, cancellationToken);
    }
}
