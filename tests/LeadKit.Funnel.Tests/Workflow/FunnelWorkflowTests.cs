using System.Collections.Concurrent;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Tests.Store;
using LeadKit.Funnel.Tests.Support;
using LeadKit.Testing.Stores;
using LeadKit.Funnel.Workflow;
using Microsoft.Extensions.Time.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Workflow;

public sealed class FunnelWorkflowTests
{
    private static readonly FunnelTrigger Next = RingFunnel.Next;
    private static readonly FunnelStage[] Ring = RingFunnel.Stages;

    private static CancellationToken Ct => CancellationToken.None;

    private static FunnelWorkflow Create(FunnelDefinition definition, TimeProvider time, IEnumerable<IFunnelObserver>? observers = null, FunnelNotificationErrorHandler? onError = null)
        => new(definition, new InMemoryFunnelStore(), time, observers, onError);

    [Fact]
    public async Task Fire_WithCurrentVersion_CommitsAndDatesTheChangeFromTheTimeProvider()
    {
        var time = new FakeTimeProvider(T0);
        var workflow = Create(Plain, time);
        var started = await workflow.StartAsync(new LeadId("a"), Ct);
        time.Advance(TimeSpan.FromMinutes(5));

        var result = await workflow.FireAsync(started.LeadId, 0, FunnelTrigger.Qualify, new TransitionDetails(Actor: "web-form"), Ct);

        Assert.True(result.IsAccepted);
        Assert.Equal(T0.AddMinutes(5), result.Change!.OccurredAt);
        Assert.Same(result.State, await workflow.GetAsync(started.LeadId, Ct));
        Assert.Equal(1, ((InMemoryFunnelStore)workflow.Store).Count);
    }

    [Fact]
    public async Task Fire_WithStaleVersion_ReturnsConflictAndChangesNothing()
    {
        var workflow = Create(Plain, new FakeTimeProvider(T0));
        var id = (await workflow.StartAsync(new LeadId("a"), Ct)).LeadId;
        var moved = await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: Ct);

        var stale = await workflow.FireAsync(id, 0, FunnelTrigger.Disqualify, cancellationToken: Ct);

        Assert.Equal(FireOutcome.Conflict, stale.Outcome);
        Assert.Same(moved.State, stale.State);
        Assert.Contains("version 1, not 0", stale.Message, StringComparison.Ordinal);
        var current = await workflow.GetAsync(id, Ct);
        Assert.Equal(FunnelStage.Lead, current!.Stage);
        Assert.Equal(1, current.Version);
    }

    [Fact]
    public async Task Fire_StoreConflictDuringCommit_IsReturnedAsConflictWithTheWinnersState()
    {
        var store = new InMemoryFunnelStore();
        var racing = new RacingStore(store);
        var workflow = new FunnelWorkflow(Plain, racing, new FakeTimeProvider(T0));
        var id = (await workflow.StartAsync(new LeadId("a"), Ct)).LeadId;
        racing.BeforeNextCommit = async () => Assert.Equal(FunnelCommitOutcome.Committed, (await store.CommitAsync(Plain.Fire((await store.GetAsync(id, Ct))!, FunnelTrigger.Disqualify, T0).State, 0, Ct)).Outcome);

        var result = await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: Ct);

        Assert.Equal(FireOutcome.Conflict, result.Outcome);
        Assert.Equal(FunnelStage.Disqualified, result.State.Stage);
    }

    [Fact]
    public async Task Fire_RefusedOrInvalid_IsReturnedWithoutCommittingOrNotifying()
    {
        FunnelWorkflow? workflow = null;
        var observer = new RecordingObserver(() => workflow?.Store);
        workflow = Create(Plain, new FakeTimeProvider(T0), [observer]);
        var id = (await workflow.StartAsync(new LeadId("a"), Ct)).LeadId;

        Assert.Equal(FireOutcome.Invalid, (await workflow.FireAsync(id, 0, FunnelTrigger.Win, cancellationToken: Ct)).Outcome);
        Assert.Equal(FireOutcome.Invalid, (await workflow.FireOnLatestAsync(id, FunnelTrigger.Win, cancellationToken: Ct)).Outcome);
        Assert.Equal(0, (await workflow.GetAsync(id, Ct))!.Version);
        Assert.Empty(observer.Seen);
    }

    [Fact]
    public async Task Fire_UnknownLead_ThrowsKeyNotFound()
    {
        var workflow = Create(Plain, new FakeTimeProvider(T0));

        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await workflow.FireAsync(new LeadId("ghost"), 0, FunnelTrigger.Qualify, cancellationToken: Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await workflow.FireOnLatestAsync(new LeadId("ghost"), FunnelTrigger.Qualify, cancellationToken: Ct));
    }

    [Fact]
    public async Task Fire_ObserversAreToldAfterCommit_AndAThrowingObserverUndoesNothing()
    {
        var errors = new ConcurrentQueue<Exception>();
        var thrower = new ThrowingObserver();
        FunnelWorkflow? workflow = null;
        var recorder = new RecordingObserver(() => workflow?.Store);
        workflow = Create(Plain, new FakeTimeProvider(T0), [thrower, recorder], (_, _, ex) => errors.Enqueue(ex));
        var id = (await workflow.StartAsync(new LeadId("a"), Ct)).LeadId;

        var first = await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: Ct);
        var second = await workflow.FireOnLatestAsync(id, FunnelTrigger.Qualify, cancellationToken: Ct);

        Assert.True(first.IsAccepted);
        Assert.True(second.IsAccepted);
        var current = await workflow.GetAsync(id, Ct);
        Assert.Equal(FunnelStage.Mql, current!.Stage);
        Assert.Equal(2, current.Version);
        Assert.True(Plain.Replay(current).IsValid);
        Assert.Equal(2, thrower.Calls);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.IsType<InvalidOperationException>(e));
        Assert.Equal(2, workflow.NotificationFailures);
        Assert.Equal([(id, first.Change!, (long?)1), (id, second.Change!, (long?)2)], recorder.Seen.ToArray());
    }

    [Fact]
    public async Task Fire_CancelledAfterCommit_TheTransitionStandsAndTheCutNotificationIsReported()
    {
        using var cancel = new CancellationTokenSource();
        var errors = new List<Exception>();
        var cancelling = new CancellingObserver(cancel);
        FunnelWorkflow? workflow = null;
        var recorder = new RecordingObserver(() => workflow?.Store);
        workflow = Create(Plain, new FakeTimeProvider(T0), [cancelling, recorder], (_, _, ex) => errors.Add(ex));
        var id = (await workflow.StartAsync(new LeadId("a"), Ct)).LeadId;

        var result = await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: cancel.Token);

        Assert.True(result.IsAccepted);
        Assert.Equal(1, (await workflow.GetAsync(id, Ct))!.Version);
        // The later observer is still called, with the cancelled token: it gives up too, and that is reported as well.
        Assert.Empty(recorder.Seen);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.IsType<OperationCanceledException>(e, exactMatch: false));
        Assert.Equal(2, workflow.NotificationFailures);
    }

    [Fact]
    public async Task Fire_ErrorHandlerThatThrows_IsCountedAndTheCallStillSucceeds()
    {
        var workflow = Create(Plain, new FakeTimeProvider(T0), [new ThrowingObserver()], (_, _, _) => throw new InvalidOperationException("handler failed"));
        var id = (await workflow.StartAsync(new LeadId("a"), Ct)).LeadId;

        var result = await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: Ct);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, workflow.NotificationFailures);
    }

    [Fact]
    public async Task Fire_ThrowingStageAction_IsReportedAndTheTransitionStands()
    {
        var builder = DefaultFunnel.CreateBuilder();
        builder.Configure(FunnelStage.Lead).OnEntry(_ => throw new InvalidOperationException("welcome e-mail failed"));
        var errors = new List<string>();
        var workflow = Create(builder.Build(), new FakeTimeProvider(T0), onError: (_, change, ex) => errors.Add($"{change.To}: {ex.Message}"));
        var id = (await workflow.StartAsync(new LeadId("a"), Ct)).LeadId;

        var result = await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: Ct);

        Assert.True(result.IsAccepted);
        Assert.Equal(["lead: welcome e-mail failed"], errors);
        Assert.Equal(1, workflow.NotificationFailures);
        Assert.Equal(FunnelStage.Lead, (await workflow.GetAsync(id, Ct))!.Stage);
    }

    [Fact]
    public async Task Add_StateThatDoesNotReplayOrIsAlreadyThere_IsRejected()
    {
        var workflow = Create(Plain, new FakeTimeProvider(T0));
        var ring = RingFunnel.Create();
        var foreign = ring.Fire(ring.Start(new LeadId("r"), T0), Next, T0).State;
        var recycled = Plain.Start(new LeadId("b"), T0, FunnelStage.Lead);

        Assert.Equal("state", (await Assert.ThrowsAsync<ArgumentException>(async () => await workflow.AddAsync(foreign, Ct))).ParamName);
        Assert.True(await workflow.AddAsync(recycled, Ct));
        Assert.False(await workflow.AddAsync(recycled, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await workflow.StartAsync(new LeadId("b"), Ct));
    }

    [Fact]
    public async Task FindSlaBreaches_MqlsNotAcceptedWithin48Hours_AreListedLongestWaitingFirst()
    {
        var time = new FakeTimeProvider(T0);
        var workflow = Create(Plain, time);
        foreach (var name in new[] { "early", "late", "accepted" })
        {
            await workflow.StartAsync(new LeadId(name), Ct);
            await workflow.FireOnLatestAsync(new LeadId(name), FunnelTrigger.Qualify, cancellationToken: Ct);
        }

        await workflow.FireOnLatestAsync(new LeadId("early"), FunnelTrigger.Qualify, cancellationToken: Ct);
        time.Advance(TimeSpan.FromHours(10));
        await workflow.FireOnLatestAsync(new LeadId("late"), FunnelTrigger.Qualify, cancellationToken: Ct);
        await workflow.FireOnLatestAsync(new LeadId("accepted"), FunnelTrigger.Qualify, cancellationToken: Ct);
        await workflow.FireOnLatestAsync(new LeadId("accepted"), FunnelTrigger.Accept, cancellationToken: Ct);

        async Task<LeadId[]> Breaches(DateTimeOffset asOf) => [.. (await workflow.FindSlaBreachesAsync(FunnelStage.Mql, asOf, cancellationToken: Ct)).Items.Select(s => s.LeadId)];
        async Task<LeadId[]> Longer(TimeSpan duration, DateTimeOffset asOf) => [.. (await workflow.FindInStageLongerThanAsync(FunnelStage.Mql, duration, asOf, cancellationToken: Ct)).Items.Select(s => s.LeadId)];
        Assert.Empty(await Breaches(T0.AddHours(48)));
        Assert.Equal([new LeadId("early")], await Breaches(T0.AddHours(49)));
        Assert.Equal([new LeadId("early"), new LeadId("late")], await Breaches(T0.AddHours(59)));
        Assert.Empty((await workflow.FindSlaBreachesAsync(FunnelStage.Lead, T0.AddYears(5), cancellationToken: Ct)).Items);
        Assert.Equal([new LeadId("early"), new LeadId("late")], await Longer(TimeSpan.FromHours(1), T0.AddHours(12)));
        Assert.Equal([new LeadId("early")], await Longer(TimeSpan.FromHours(3), T0.AddHours(12)));
        Assert.Empty(await Longer(TimeSpan.MaxValue, T0));
    }

    [Fact]
    public async Task FindSlaBreaches_PagedByKeyset_ListsEveryBreachOnceInOrder()
    {
        var time = new FakeTimeProvider(T0);
        var workflow = Create(Plain, time);
        for (var i = 0; i < 7; i++)
        {
            await workflow.AddAsync(Plain.Start(new LeadId($"lead-{i % 3}-{i}"), T0.AddMinutes(i / 2), FunnelStage.Mql), Ct);
        }

        var seen = new List<FunnelState>();
        FunnelPageKey? after = null;
        var pages = 0;
        do
        {
            var page = await workflow.FindSlaBreachesAsync(FunnelStage.Mql, T0.AddDays(3), after, pageSize: 2, Ct);
            Assert.InRange(page.Items.Length, 1, 2);
            seen.AddRange(page.Items);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(4, pages);
        Assert.Equal(7, seen.Select(s => s.LeadId).Distinct().Count());
        Assert.Equal(seen.OrderBy(s => s.EnteredAt).ThenBy(s => s.LeadId.Value, StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Fire_ClockSteppedBack_DatesTheChangeNoEarlierThanTheStageEntry()
    {
        var time = new ManualTimeProvider(T0);
        var workflow = Create(Plain, time);
        var id = (await workflow.StartAsync(new LeadId("a"), Ct)).LeadId;
        time.Now = T0.AddHours(2);
        await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: Ct);
        time.Now = T0.AddHours(1);

        var result = await workflow.FireAsync(id, 1, FunnelTrigger.Qualify, cancellationToken: Ct);

        Assert.True(result.IsAccepted);
        Assert.Equal(T0.AddHours(2), result.Change!.OccurredAt);
    }

    [Fact]
    public async Task Fire_ManyThreadsOnManyLeadsWithExpectedVersions_NoTransitionIsLostOrAppliedTwice()
    {
        const int Leads = 16;
        const int Threads = 8;
        const int AttemptsPerThread = 4_000;
        var definition = RingFunnel.Create();
        var observer = new RecordingObserver(() => null);
        var workflow = Create(definition, new FakeTimeProvider(T0), [observer]);
        var ids = new LeadId[Leads];
        for (var i = 0; i < Leads; i++)
        {
            ids[i] = (await workflow.StartAsync(new LeadId($"lead-{i}"), Ct)).LeadId;
        }

        var acceptedVersions = ids.ToDictionary(id => id, _ => new ConcurrentBag<long>());
        var conflicts = 0L;
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            async () =>
            {
                var random = new Random(1_000 + t);
                start.SignalAndWait();
                for (var i = 0; i < AttemptsPerThread; i++)
                {
                    var id = ids[random.Next(Leads)];
                    var seen = (await workflow.GetAsync(id, Ct))!;
                    var result = await workflow.FireAsync(id, seen.Version, Next, new TransitionDetails(Actor: $"thread-{t}"), Ct);
                    if (result.IsAccepted)
                    {
                        Assert.Equal(seen.Version + 1, result.State.Version);
                        acceptedVersions[id].Add(result.State.Version);
                    }
                    else
                    {
                        Assert.Equal(FireOutcome.Conflict, result.Outcome);
                        Interlocked.Increment(ref conflicts);
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(workers);

        var totalAccepted = 0L;
        var committed = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var id in ids)
        {
            var final = (await workflow.GetAsync(id, Ct))!;
            var versions = acceptedVersions[id].Order().ToArray();
            Assert.Equal(Enumerable.Range(1, (int)final.Version).Select(v => (long)v), versions);
            Assert.Equal(final.Version, final.History.Length);
            Assert.Equal(Ring[(int)(final.Version % 3)], final.Stage);
            Assert.True(definition.Replay(final).IsValid);
            totalAccepted += final.Version;
            committed.UnionWith(final.History);
        }

        // Every committed entry was notified exactly once, and nothing else was.
        Assert.Equal(Threads * AttemptsPerThread, totalAccepted + conflicts);
        Assert.Equal(totalAccepted, observer.Seen.Count);
        Assert.True(committed.SetEquals(observer.Seen.Select(s => (object)s.Change)));
    }

    [Fact]
    public async Task FireOnLatest_ManyThreadsOnFewLeads_EveryCallIsAppliedExactlyOnce()
    {
        const int Leads = 4;
        const int Threads = 8;
        const int CallsPerThread = 2_000;
        var definition = RingFunnel.Create();
        var workflow = Create(definition, new FakeTimeProvider(T0));
        var ids = new LeadId[Leads];
        for (var i = 0; i < Leads; i++)
        {
            ids[i] = (await workflow.StartAsync(new LeadId($"lead-{i}"), Ct)).LeadId;
        }

        var calls = new long[Leads];
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            async () =>
            {
                var random = new Random(2_000 + t);
                start.SignalAndWait();
                for (var i = 0; i < CallsPerThread; i++)
                {
                    var lead = random.Next(Leads);
                    Assert.True((await workflow.FireOnLatestAsync(ids[lead], Next, new TransitionDetails(Actor: $"thread-{t}"), Ct)).IsAccepted);
                    Interlocked.Increment(ref calls[lead]);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(workers);

        for (var lead = 0; lead < Leads; lead++)
        {
            var final = (await workflow.GetAsync(ids[lead], Ct))!;
            Assert.Equal(calls[lead], final.Version);
            Assert.Equal(calls[lead], final.History.Length);
            Assert.True(definition.Replay(final).IsValid);
        }

        Assert.Equal(Threads * CallsPerThread, calls.Sum());
    }

    /// <summary>Cancels the call's token while notifying, as a caller that gives up after the commit would.</summary>
    private sealed class CancellingObserver(CancellationTokenSource source) : IFunnelObserver
    {
        public ValueTask OnStageChangedAsync(LeadId leadId, StageChange change, CancellationToken cancellationToken)
        {
            source.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A store that lets another writer commit just before the workflow's commit, to force a conflict inside CommitAsync.</summary>
    private sealed class RacingStore(IFunnelStore inner) : IFunnelStore
    {
        public Func<Task>? BeforeNextCommit { get; set; }

        public ValueTask<FunnelState?> GetAsync(LeadId leadId, CancellationToken cancellationToken = default) => inner.GetAsync(leadId, cancellationToken);

        public ValueTask<bool> AddAsync(FunnelState state, CancellationToken cancellationToken = default) => inner.AddAsync(state, cancellationToken);

        public async ValueTask<FunnelCommitResult> CommitAsync(FunnelState newState, long expectedVersion, CancellationToken cancellationToken = default)
        {
            if (BeforeNextCommit is { } race)
            {
                BeforeNextCommit = null;
                await race();
            }

            return await inner.CommitAsync(newState, expectedVersion, cancellationToken);
        }

        public ValueTask<FunnelPage> QueryInStageAsync(FunnelStageQuery query, CancellationToken cancellationToken = default) => inner.QueryInStageAsync(query, cancellationToken);
    }
}
