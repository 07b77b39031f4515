using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Outbox;
using LeadKit.EntityFrameworkCore.Tests.Sqlite;
using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing;
using LeadKit.Testing.Stores;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadKit.EntityFrameworkCore.Tests.Outbox;

public sealed class OutboxTelemetryTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Dispatch_CountsDeliveriesAndFailures_TaggedWithKindAndExceptionTypeOnly()
    {
        var store = new EntityFrameworkFunnelStore<TestDbContext>(_database.Factory());
        foreach (var lead in new[] { "ana@example.com", "bob@example.com" })
        {
            var start = RingFunnel.Create().Start(new LeadId(lead), LeadBuilder.Now);
            await store.AddAsync(start);
            await store.CommitAsync(start.Append(new StageChange { From = start.Stage, To = RingFunnel.Stages[1], Trigger = RingFunnel.Next, OccurredAt = LeadBuilder.Now }), 0);
        }

        using var meters = new ScopedMeterFactory();
        var measurements = new List<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, tags.ToArray()));
            }
        });
        listener.Start();
        var handler = new RecordingHandler { Fail = e => e.LeadId.Value == "bob@example.com" };
        var dispatcher = new LeadKitOutboxDispatcher<TestDbContext>(
            _database.Factory(), [handler], Options.Create(new LeadKitOutboxOptions()), new FakeTimeProvider(LeadBuilder.Now.AddHours(1)), meterFactory: meters);

        Assert.Equal(1, await dispatcher.DispatchPendingAsync());

        var delivered = Assert.Single(measurements, m => m.Instrument == "leadkit.outbox.delivered");
        var failed = Assert.Single(measurements, m => m.Instrument == "leadkit.outbox.failures");
        Assert.Equal(1, delivered.Value);
        Assert.Equal([new("leadkit.kind", LeadKitOutboxEventKinds.StageChanged)], delivered.Tags);
        Assert.Contains(new KeyValuePair<string, object?>("exception.type", typeof(TimeoutException).FullName), failed.Tags);
        Assert.DoesNotContain(measurements.SelectMany(m => m.Tags), t => t.Value is string s && s.Contains('@', StringComparison.Ordinal));
    }

    /// <summary>One meter per name and version, scoped to this factory, as the container's factory does.</summary>
    private sealed class ScopedMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            lock (_meters)
            {
                var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
                _meters.Add(meter);
                return meter;
            }
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
