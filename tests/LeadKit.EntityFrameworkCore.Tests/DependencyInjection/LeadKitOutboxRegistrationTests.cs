using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Outbox;
using LeadKit.EntityFrameworkCore.Tests.Outbox;
using LeadKit.EntityFrameworkCore.Tests.Sqlite;
using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing;
using LeadKit.Testing.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadKit.EntityFrameworkCore.Tests.DependencyInjection;

public sealed class LeadKitOutboxRegistrationTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task HostedDispatcher_DeliversACommittedChange_WithoutBeingCalled()
    {
        var delivered = new TaskCompletionSource<LeadKitOutboxEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = Host(o => o.PollInterval = TimeSpan.FromMilliseconds(50), new SignallingHandler(delivered));
        await host.StartAsync();
        var store = host.Services.GetRequiredService<EntityFrameworkFunnelStore<TestDbContext>>();
        var start = RingFunnel.Create().Start(new LeadId("lead-1"), LeadBuilder.Now);
        await store.AddAsync(start);
        var next = start.Append(new StageChange { From = start.Stage, To = RingFunnel.Stages[1], Trigger = RingFunnel.Next, OccurredAt = LeadBuilder.Now });
        await store.CommitAsync(next, 0);

        var outboxEvent = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal((new LeadId("lead-1"), 1L, RingFunnel.Stages[1]), (outboxEvent.LeadId, outboxEvent.Sequence, outboxEvent.StageChange!.To));
        Assert.Same(
            host.Services.GetRequiredService<LeadKitOutboxDispatcher<TestDbContext>>(),
            Assert.Single(host.Services.GetServices<IHostedService>().OfType<LeadKitOutboxDispatcher<TestDbContext>>()));
    }

    [Fact]
    public async Task InvalidOptions_FailTheHostsStart_NamingEachOption()
    {
        using var host = Host(o => (o.BatchSize, o.PollInterval, o.MaxBackoff) = (0, TimeSpan.Zero, TimeSpan.FromMilliseconds(1)), new RecordingHandler());

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(failure.Failures, f => f.Contains("LeadKitOutboxOptions.BatchSize", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("LeadKitOutboxOptions.PollInterval", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("LeadKitOutboxOptions.MaxBackoff", StringComparison.Ordinal));
    }

    [Fact]
    public void Dispatcher_RefusesInvalidOptionsWhenBuiltByHand()
    {
        var options = Options.Create(new LeadKitOutboxOptions { LeaseDuration = TimeSpan.Zero });

        var failure = Assert.Throws<ArgumentException>(() => new LeadKitOutboxDispatcher<TestDbContext>(_database.Factory(), [], options, TimeProvider.System));

        Assert.Contains("LeadKitOutboxOptions.LeaseDuration", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_OnADatabaseWithoutLeadKitsTables_ThrowsAStoreExceptionNamingTheOperation()
    {
        using var empty = new SqliteTestDatabase(createTables: false);
        var dispatcher = new LeadKitOutboxDispatcher<TestDbContext>(empty.Factory(), [new RecordingHandler()], Options.Create(new LeadKitOutboxOptions()), TimeProvider.System);

        var failure = await Assert.ThrowsAsync<LeadKitStoreException>(() => dispatcher.DispatchPendingAsync());

        Assert.StartsWith("LeadKitOutboxDispatcher.DispatchPendingAsync failed", failure.Message, StringComparison.Ordinal);
    }

    private IHost Host(Action<LeadKitOutboxOptions> configure, ILeadKitOutboxHandler handler)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddDbContextFactory<TestDbContext>(o => o.UseSqlite(_database.ConnectionString));
        builder.Services.AddLeadKitEntityFrameworkCore<TestDbContext>();
        builder.Services.AddLeadKitOutbox<TestDbContext>(configure);

        // Twice, as two modules of an application might: still one dispatcher.
        builder.Services.AddLeadKitOutbox<TestDbContext>();
        builder.Services.AddSingleton(handler);
        return builder.Build();
    }

    private sealed class SignallingHandler(TaskCompletionSource<LeadKitOutboxEvent> delivered) : ILeadKitOutboxHandler
    {
        public ValueTask HandleAsync(LeadKitOutboxEvent outboxEvent, CancellationToken cancellationToken)
        {
            delivered.TrySetResult(outboxEvent);
            return ValueTask.CompletedTask;
        }
    }
}
