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

namespace LeadKit.Funnel.Tests.Telemetry;

public sealed class FunnelTelemetryTests
{
    [Fact]
    public async Task Workflow_WithMeterFactory_CountsTransitionsRefusalsConflictsAndFailuresWithoutPersonalData()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var recorder = new Recorder(factory);
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "LeadKit.Funnel",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);

        // The listener hears every test running in parallel: this test's activities are the ones under its own root.
        using var root = new Activity("funnel-telemetry-test").Start();
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

        var fires = activities.Where(a => a.OperationName == "leadkit.funnel.fire" && a.RootId == root.RootId).ToArray();
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

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);

    /// <summary>Listens to the instruments of the meters one factory created (so parallel tests do not mix).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();

        public Recorder(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "LeadKit.Funnel" && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public List<Measurement> Measurements { get; } = [];

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            lock (Measurements)
            {
                Measurements.Add(new Measurement(instrument.Name, value, map));
            }
        }
    }
}
