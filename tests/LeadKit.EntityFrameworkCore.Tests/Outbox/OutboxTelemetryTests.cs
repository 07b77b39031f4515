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
using LeadKit.Testing.Telemetry;

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
        using var recorder = new MeterRecorder(meters);
        var handler = new RecordingHandler { Fail = e => e.LeadId.Value == "bob@example.com" };
        var dispatcher = new LeadKitOutboxDispatcher<TestDbContext>(
            _database.Factory(), [handler], Options.Create(new LeadKitOutboxOptions()), new FakeTimeProvider(LeadBuilder.Now.AddHours(1)), meterFactory: meters);

        Assert.Equal(1, await dispatcher.DispatchPendingAsync());

        var measurements = recorder.Measurements;
        var delivered = Assert.Single(measurements, m => m.Instrument == "leadkit.outbox.delivered");
        var failed = Assert.Single(measurements, m => m.Instrument == "leadkit.outbox.failures");
        Assert.Equal(1, delivered.Value);
        Assert.Equal([new("leadkit.kind", LeadKitOutboxEventKinds.StageChanged)], delivered.TagList);
        Assert.Equal(typeof(TimeoutException).FullName, failed.Tags["exception.type"]);
        Assert.DoesNotContain(measurements.SelectMany(m => m.TagList), t => t.Value is string s && s.Contains('@', StringComparison.Ordinal));
    }
}
