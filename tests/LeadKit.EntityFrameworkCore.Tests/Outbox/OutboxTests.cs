using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Model;
using LeadKit.EntityFrameworkCore.Outbox;
using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing;
using LeadKit.Testing.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadKit.EntityFrameworkCore.Tests.Outbox;

/// <summary>The transactional outbox and its dispatcher, per provider.</summary>
public abstract class OutboxTests
{
    private static readonly DateTimeOffset T0 = LeadBuilder.Now;
    private static int _runs;

    protected abstract TestDatabase Database { get; }

    [Fact]
    public async Task Commits_WriteOneEventPerCommittedChange_AndAConflictWritesNone()
    {
        var store = Store();
        var start = await StartAsync(store, "lead-1");
        var first = Next(start, actor: "ana@example.com", reason: "Called Ana Souza");
        var stale = Next(start);
        Assert.Equal(FunnelCommitOutcome.Committed, (await store.CommitAsync(first, 0)).Outcome);
        Assert.Equal(FunnelCommitOutcome.Conflict, (await store.CommitAsync(stale, 0)).Outcome);
        Assert.Equal(FunnelCommitOutcome.Committed, (await store.CommitAsync(Next(first), 1)).Outcome);
        Assert.Equal(FunnelCommitOutcome.NotFound, (await store.CommitAsync(Next(RingFunnel.Create().Start(new LeadId("ghost"), T0)), 0)).Outcome);

        var rows = await RowsAsync();

        Assert.Equal([1L, 2L], rows.Select(r => r.Sequence));
        Assert.All(rows, r => Assert.Equal(("lead-1", LeadKitOutboxEventKinds.StageChanged, 0, (long?)null), (r.LeadId, r.Kind, r.Attempts, r.DeliveredAtUtcTicks)));
        Assert.Equal(2, rows.Select(r => r.Id).Distinct().Count());
        var change = StageChangedPayload.Read(rows[0].Payload);
        Assert.Equal((first.LastChange!.From, first.LastChange.To, first.LastChange.Trigger, first.LastChange.OccurredAt), (change.From, change.To, change.Trigger, change.OccurredAt));

        // The actor and reason are free text (personal data, erased later): the payload carries neither.
        Assert.DoesNotContain("ana", rows[0].Payload, StringComparison.OrdinalIgnoreCase);
        Assert.Null(change.Actor);
    }

    [Fact]
    public async Task Add_WritesAnEventPerImportedChange_AndAFreshStartNone()
    {
        var store = Store();
        await StartAsync(store, "fresh");
        var imported = Next(Next(RingFunnel.Create().Start(new LeadId("imported"), T0)));
        Assert.True(await store.AddAsync(imported));
        Assert.False(await store.AddAsync(imported));

        var rows = await RowsAsync();

        Assert.Equal([("imported", 1L), ("imported", 2L)], rows.Select(r => (r.LeadId, r.Sequence)));
    }

    [Fact]
    public async Task FailingHandler_IsRetriedWithCappedExponentialBackoff_AndHoldsBackTheLeadsLaterEvents()
    {
        var time = new FakeTimeProvider(T0.AddHours(1));
        var store = Store();
        await CommitAsync(store, "a", 2);
        await CommitAsync(store, "b", 1);
        var handler = new RecordingHandler { Fail = e => e.LeadId.Value == "a" && e.Sequence == 1 && e.Attempt <= 4 };
        var dispatcher = Dispatcher(handler, time, o => (o.InitialBackoff, o.MaxBackoff) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(40)));

        Assert.Equal(1, await dispatcher.DispatchPendingAsync());
        Assert.Equal([("b", 1L)], Delivered(handler));

        // Failure n waits min(40 s, 10 s × 2^(n−1)): 10, 20, 40, then 40 (capped). Just before each wait ends nothing goes out.
        foreach (var wait in new[] { 10, 20, 40, 40 })
        {
            time.Advance(TimeSpan.FromSeconds(wait) - TimeSpan.FromTicks(1));
            Assert.Equal(0, await dispatcher.DispatchPendingAsync());
            time.Advance(TimeSpan.FromTicks(1));
            Assert.Equal(wait == 40 && handler.Seen.Count(e => e.LeadId.Value == "a") == 4 ? 2 : 0, await dispatcher.DispatchPendingAsync());
        }

        Assert.Equal([("b", 1L), ("a", 1L), ("a", 2L)], Delivered(handler));
        Assert.Equal([1, 2, 3, 4, 5], handler.Seen.Where(e => e.LeadId.Value == "a" && e.Sequence == 1).Select(e => e.Attempt));
        var a1 = (await RowsAsync()).Single(r => r.LeadId == "a" && r.Sequence == 1);
        Assert.Equal((4, typeof(TimeoutException).FullName), (a1.Attempts, a1.LastError));
        Assert.Equal(time.GetUtcNow().UtcTicks, a1.DeliveredAtUtcTicks);
        Assert.Equal(0, await dispatcher.DispatchPendingAsync());
    }

    [Fact]
    public async Task ARowChangedOutsideLeadKit_IsRetriedAsAFailure_AndHoldsBackOnlyItsLead()
    {
        var time = new FakeTimeProvider(T0.AddHours(1));
        var store = Store();
        await CommitAsync(store, "a", 2);
        await CommitAsync(store, "b", 1);
        await using (var context = Database.Factory().CreateDbContext())
        {
            await context.Set<OutboxEventRow>().Where(r => r.LeadId == "a" && r.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Payload, "{\"from\":1}"));
        }

        var handler = new RecordingHandler();
        Assert.Equal(1, await Dispatcher(handler, time).DispatchPendingAsync());

        Assert.Equal([("b", 1L)], Delivered(handler));
        var a1 = (await RowsAsync()).Single(r => r.LeadId == "a" && r.Sequence == 1);
        Assert.Equal((1, typeof(LeadKitStoreException).FullName, (long?)null), (a1.Attempts, a1.LastError, a1.DeliveredAtUtcTicks));
    }

    [Fact]
    public async Task Restart_ANewDispatcherOverTheSameDatabase_DeliversWhatIsLeftAndNothingTwice()
    {
        var time = new FakeTimeProvider(T0.AddHours(1));
        var store = Store();
        await CommitAsync(store, "a", 2);
        await CommitAsync(store, "b", 2);
        var before = new RecordingHandler { Fail = e => e.LeadId.Value == "b" };
        Assert.Equal(2, await Dispatcher(before, time).DispatchPendingAsync());

        // The process restarts: a new dispatcher, new contexts, nothing kept in memory but the table.
        time.Advance(TimeSpan.FromMinutes(1));
        var after = new RecordingHandler();
        Assert.Equal(2, await Dispatcher(after, time).DispatchPendingAsync());

        Assert.Equal([("a", 1L), ("a", 2L)], Delivered(before));
        Assert.Equal([("b", 1L), ("b", 2L)], Delivered(after));
        Assert.Equal(2, after.Accepted[0].Attempt);
    }

    [Fact]
    public async Task TwoDispatchers_Concurrently_DeliverEveryEventExactlyOnce_InOrderPerLead()
    {
        const int Leads = 12;
        const int Changes = 4;
        var store = Store();
        for (var lead = 0; lead < Leads; lead++)
        {
            await CommitAsync(store, $"lead-{lead}", Changes);
        }

        var handler = new RecordingHandler();
        var time = new FakeTimeProvider(T0.AddHours(1));
        using var start = new Barrier(2);
        var delivered = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(
            async () =>
            {
                // Each its own factory and options: two app instances.
                var dispatcher = Dispatcher(handler, time, o => o.BatchSize = 5);
                start.SignalAndWait();
                return await dispatcher.DispatchPendingAsync();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()));

        Assert.Equal(Leads * Changes, delivered.Sum());
        Assert.Equal(Leads * Changes, handler.Accepted.Select(e => e.Id).Distinct().Count());
        Assert.Equal(Leads * Changes, handler.Accepted.Count);
        Assert.All(
            handler.Accepted.GroupBy(e => e.LeadId),
            lead => Assert.Equal(Enumerable.Range(1, Changes).Select(n => (long)n), lead.Select(e => e.Sequence)));
        Assert.All(await RowsAsync(), r => Assert.NotNull(r.DeliveredAtUtcTicks));
    }

    [Fact]
    public async Task Cancellation_StopsTheDispatch_AndTheInterruptedEventIsDeliveredAfterItsLease()
    {
        var time = new FakeTimeProvider(T0.AddHours(1));
        var store = Store();
        await CommitAsync(store, "a", 1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Dispatcher(new RecordingHandler(), time).DispatchPendingAsync(cancelled.Token));

        using var stopping = new CancellationTokenSource();
        var stopper = new StoppingHandler(stopping);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Dispatcher(stopper, time).DispatchPendingAsync(stopping.Token));
        var row = Assert.Single(await RowsAsync());
        Assert.Equal((0, (long?)null), (row.Attempts, row.DeliveredAtUtcTicks));

        // Within the lease nobody takes it; after the lease another dispatcher delivers it, as a first attempt.
        var handler = new RecordingHandler();
        Assert.Equal(0, await Dispatcher(handler, time).DispatchPendingAsync());
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Dispatcher(handler, time).DispatchPendingAsync());
        Assert.Equal(1, Assert.Single(handler.Accepted).Attempt);
    }

    /// <summary>
    /// Invariant: whatever the interleaving of commits, dispatch passes, handler failures and time, each lead's events are
    /// accepted in sequence order 1..n, each once (no failures once the last pass runs, so all of them).
    /// </summary>
    [Property(MaxTest = 15)]
    public Property AcceptedEvents_ArePerLeadInSequenceOrder_EachOnce(byte[] operations)
    {
        var run = Interlocked.Increment(ref _runs);
        var leads = Enumerable.Range(0, 3).Select(k => $"run{run}-lead{k}").ToArray();
        var store = Store();
        var time = new FakeTimeProvider(T0.AddHours(1));
        var failing = new HashSet<(string, long)>();
        var handler = new RecordingHandler { Fail = e => failing.Contains((e.LeadId.Value!, e.Sequence)) };
        var dispatcher = Dispatcher(handler, time);
        var committed = new int[3];
        foreach (var operation in (operations ?? []).Take(25))
        {
            var lead = operation % 3;
            switch (operation / 3 % 4)
            {
                case 0 or 1:
                    Wait(CommitAsync(store, leads[lead], 1));
                    committed[lead]++;
                    break;
                case 2:
                    // Toggle failure of the lead's next event.
                    var key = (leads[lead], (long)committed[lead]);
                    if (!failing.Remove(key))
                    {
                        failing.Add(key);
                    }

                    break;
                default:
                    time.Advance(TimeSpan.FromSeconds(operation % 7));
                    Wait(dispatcher.DispatchPendingAsync());
                    break;
            }
        }

        failing.Clear();
        time.Advance(TimeSpan.FromMinutes(10));
        Wait(dispatcher.DispatchPendingAsync());

        var accepted = handler.Accepted.ToLookup(e => e.LeadId.Value!);
        return Enumerable.Range(0, 3).All(k => accepted[leads[k]].Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, committed[k]).Select(n => (long)n)))
            .Label($"committed {string.Join(",", committed)}; accepted {string.Join(" ", handler.Accepted.Select(e => $"{e.LeadId.Value}#{e.Sequence}"))}");

        static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
    }

    protected EntityFrameworkFunnelStore<TestDbContext> Store() => new(Database.Factory());

    protected LeadKitOutboxDispatcher<TestDbContext> Dispatcher(ILeadKitOutboxHandler handler, TimeProvider time, Action<LeadKitOutboxOptions>? configure = null)
    {
        var options = new LeadKitOutboxOptions();
        configure?.Invoke(options);
        return new(Database.Factory(), [handler], Options.Create(options), time);
    }

    private static List<(string, long)> Delivered(RecordingHandler handler) => [.. handler.Accepted.Select(e => (e.LeadId.Value!, e.Sequence))];

    private static async Task<FunnelState> StartAsync(EntityFrameworkFunnelStore<TestDbContext> store, string lead)
    {
        var start = RingFunnel.Create().Start(new LeadId(lead), T0);
        Assert.True(await store.AddAsync(start));
        return start;
    }

    /// <summary>Starts the lead if it is new, then commits <paramref name="changes"/> stage changes on it.</summary>
    private static async Task<int> CommitAsync(EntityFrameworkFunnelStore<TestDbContext> store, string lead, int changes)
    {
        var state = await store.GetAsync(new LeadId(lead)) ?? await StartAsync(store, lead);
        for (var n = 0; n < changes; n++)
        {
            var next = Next(state);
            Assert.Equal(FunnelCommitOutcome.Committed, (await store.CommitAsync(next, state.Version)).Outcome);
            state = next;
        }

        return changes;
    }

    private static FunnelState Next(FunnelState state, string? actor = null, string? reason = null)
        => state.Append(new StageChange
        {
            From = state.Stage,
            To = RingFunnel.Stages[(Array.IndexOf(RingFunnel.Stages, state.Stage) + 1) % 3],
            Trigger = RingFunnel.Next,
            OccurredAt = state.EnteredAt.AddMinutes(1),
            Actor = actor,
            Reason = reason,
        });

    private async Task<List<OutboxEventRow>> RowsAsync()
    {
        await using var context = Database.Factory().CreateDbContext();
        return await context.Set<OutboxEventRow>().AsNoTracking().OrderBy(r => r.LeadId).ThenBy(r => r.Sequence).ToListAsync();
    }

    /// <summary>Cancels the dispatcher's token while handling, as a host stopping mid-delivery does.</summary>
    private sealed class StoppingHandler(CancellationTokenSource stopping) : ILeadKitOutboxHandler
    {
        public async ValueTask HandleAsync(LeadKitOutboxEvent outboxEvent, CancellationToken cancellationToken)
        {
            await stopping.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
