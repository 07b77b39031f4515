using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Tests.Store;
using LeadKit.Funnel.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;
using LeadKit.Testing.Telemetry;

namespace LeadKit.Funnel.Tests.Telemetry;

public sealed class FunnelTelemetryTests
{
    [Fact]
    public async Task Workflow_WithMeterFactory_CountsTransitionsRefusalsConflictsAndFailuresWithoutPersonalData()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var recorder = new MeterRecorder(factory, "LeadKit.Funnel");
        using var activities = new ActivityRecorder("LeadKit.Funnel");
        var workflow = new FunnelWorkflow(Plain, new InMemoryFunnelStore(), new FakeTimeProvider(T0), [new ThrowingObserver()], meterFactory: factory);
        var id = new LeadId("jane@example.com");
        await workflow.StartAsync(id);

        await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, new TransitionDetails(Actor: "rep@example.com"));   // accepted, observer fails
        await workflow.FireAsync(id, 0, FunnelTrigger.Qualify);                                                    // conflict
        await workflow.FireAsync(id, 1, FunnelTrigger.Win);                                                        // invalid

        var transition = Assert.Single(recorder.Measurements, m => m.Instrument == "leadkit.funnel.transitions");
        Assert.Equal(("suspect", "lead", "qualify"), (transition.Tags["leadkit.from"], transition.Tags["leadkit.to"], transition.Tags["leadkit.trigger"]));
        Assert.Equal("lead", Assert.Single(recorder.Measurements, m => m.Instrument == "leadkit.funnel.conflicts").Tags["leadkit.stage"]);
        Assert.Equal("invalid", Assert.Single(recorder.Measurements, m => m.Instrument == "leadkit.funnel.refusals").Tags["leadkit.outcome"]);
        Assert.Equal("observer", Assert.Single(recorder.Measurements, m => m.Instrument == "leadkit.funnel.notification_failures").Tags["leadkit.kind"]);
        Assert.DoesNotContain(recorder.Measurements.SelectMany(m => m.Tags.Values), v => v is string s && s.Contains('@', StringComparison.Ordinal));

        var fires = activities.Stopped("leadkit.funnel.fire");
        Assert.Equal(3, fires.Length);
        Assert.Equal(["accepted", "conflict", "invalid"], fires.Select(a => (string?)a.GetTagItem("leadkit.outcome")));
        Assert.Contains(fires[0].Events, e => e.Name == "leadkit.funnel.notification_failed");
        Assert.Contains(fires[1].Events, e => e.Name == "leadkit.funnel.conflict");
        Assert.DoesNotContain(fires.SelectMany(a => a.TagObjects), t => t.Value is string s && s.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workflow_WithoutMeterFactory_StillWorks()
    {
        var workflow = new FunnelWorkflow(Plain, new InMemoryFunnelStore(), new FakeTimeProvider(T0));
        var id = (await workflow.StartAsync(new LeadId("a"))).LeadId;

        Assert.True((await workflow.FireAsync(id, 0, FunnelTrigger.Qualify)).IsAccepted);
    }
}
