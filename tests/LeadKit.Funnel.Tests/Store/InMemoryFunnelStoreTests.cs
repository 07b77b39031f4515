using System.Collections.Concurrent;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Store;
using Microsoft.Extensions.Time.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Store;

public sealed class InMemoryFunnelStoreTests
{
    private static readonly FunnelTrigger Next = new("next");
    private static readonly FunnelStage[] Ring = [new("ring-a"), new("ring-b"), new("ring-c")];

    /// <summary>A funnel whose stages form a cycle, so concurrent writers can keep moving leads for as long as the test wants.</summary>
    private static FunnelDefinition RingFunnel()
    {
        var builder = new FunnelDefinitionBuilder().StartAt(Ring[0]);
        builder.Configure(Ring[0]).Permit(Next, Ring[1]);
        builder.Configure(Ring[1]).Permit(Next, Ring[2]);
        builder.Configure(Ring[2]).Permit(Next, Ring[0]).Permit(FunnelTrigger.Win, FunnelStage.Customer);
        builder.Configure(FunnelStage.Customer).Terminal();
        return builder.Build();
    }

    [Fact]
    public void Fire_WithCurrentVersion_CommitsAndDatesTheChangeFromTheTimeProvider()
    {
        var time = new FakeTimeProvider(T0);
        var store = new InMemoryFunnelStore(Plain, time);
        var started = store.Start(new LeadId("a"));
        time.Advance(TimeSpan.FromMinutes(5));

        var result = store.Fire(started.LeadId, 0, FunnelTrigger.Qualify, new TransitionDetails(Actor: "web-form"));

        Assert.True(result.IsAccepted);
        Assert.Equal(T0.AddMinutes(5), result.Change!.OccurredAt);
        Assert.True(store.TryGet(started.LeadId, out var stored));
        Assert.Same(result.State, stored);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Fire_WithStaleVersion_ReturnsConflictAndChangesNothing()
    {
        var store = new InMemoryFunnelStore(Plain, new FakeTimeProvider(T0));
        var id = store.Start(new LeadId("a")).LeadId;
        var moved = store.Fire(id, 0, FunnelTrigger.Qualify);

        var stale = store.Fire(id, 0, FunnelTrigger.Disqualify);

        Assert.Equal(FireOutcome.Conflict, stale.Outcome);
        Assert.Same(moved.State, stale.State);
        Assert.Contains("version 1, not 0", stale.Message, StringComparison.Ordinal);
        Assert.True(store.TryGet(id, out var current));
        Assert.Equal(FunnelStage.Lead, current.Stage);
        Assert.Equal(1, current.Version);
    }

    [Fact]
    public void Fire_RefusedOrInvalid_IsReturnedWithoutCommittingOrNotifying()
    {
        RecordingObserver? observer = null;
        InMemoryFunnelStore? store = null;
        observer = new RecordingObserver(() => store);
        store = new InMemoryFunnelStore(Plain, new FakeTimeProvider(T0), [observer]);
        var id = store.Start(new LeadId("a")).LeadId;

        Assert.Equal(FireOutcome.Invalid, store.Fire(id, 0, FunnelTrigger.Win).Outcome);
        Assert.Equal(FireOutcome.Invalid, store.FireOnLatest(id, FunnelTrigger.Win).Outcome);
        Assert.True(store.TryGet(id, out var current));
        Assert.Equal(0, current.Version);
        Assert.Empty(observer.Seen);
    }

    [Fact]
    public void Fire_UnknownLead_ThrowsKeyNotFound()
    {
        var store = new InMemoryFunnelStore(Plain, new FakeTimeProvider(T0));

        Assert.Throws<KeyNotFoundException>(() => store.Fire(new LeadId("ghost"), 0, FunnelTrigger.Qualify));
        Assert.Throws<KeyNotFoundException>(() => store.FireOnLatest(new LeadId("ghost"), FunnelTrigger.Qualify));
    }

    [Fact]
    public void Fire_ObserversAreToldAfterCommit_AndAThrowingObserverUndoesNothing()
    {
        var errors = new ConcurrentQueue<Exception>();
        var thrower = new ThrowingObserver();
        RecordingObserver? recorder = null;
        InMemoryFunnelStore? store = null;
        recorder = new RecordingObserver(() => store);
        store = new InMemoryFunnelStore(Plain, new FakeTimeProvider(T0), [thrower, recorder], (_, _, ex) => errors.Enqueue(ex));
        var id = store.Start(new LeadId("a")).LeadId;

        var first = store.Fire(id, 0, FunnelTrigger.Qualify);
        var second = store.FireOnLatest(id, FunnelTrigger.Qualify);

        Assert.True(first.IsAccepted);
        Assert.True(second.IsAccepted);
        Assert.True(store.TryGet(id, out var current));
        Assert.Equal(FunnelStage.Mql, current.Stage);
        Assert.Equal(2, current.Version);
        Assert.True(Plain.Replay(current).IsValid);
        Assert.Equal(2, thrower.Calls);
        Assert.Equal(2, errors.Count);
        Assert.Equal(2, store.NotificationFailures);
        Assert.Equal([(id, first.Change!, (long?)1), (id, second.Change!, (long?)2)], recorder.Seen.ToArray());
    }

    [Fact]
    public void Fire_ThrowingStageAction_IsReportedAndTheTransitionStands()
    {
        var builder = DefaultFunnel.CreateBuilder();
        builder.Configure(FunnelStage.Lead).OnEntry(_ => throw new InvalidOperationException("welcome e-mail failed"));
        var errors = new List<string>();
        var store = new InMemoryFunnelStore(builder.Build(), new FakeTimeProvider(T0), onNotificationError: (_, change, ex) => errors.Add($"{change.To}: {ex.Message}"));
        var id = store.Start(new LeadId("a")).LeadId;

        var result = store.Fire(id, 0, FunnelTrigger.Qualify);

        Assert.True(result.IsAccepted);
        Assert.Equal(["lead: welcome e-mail failed"], errors);
        Assert.Equal(1, store.NotificationFailures);
        Assert.True(store.TryGet(id, out var current));
        Assert.Equal(FunnelStage.Lead, current.Stage);
    }

    [Fact]
    public void TryAdd_StateThatDoesNotReplayOrIsAlreadyThere_IsRejected()
    {
        var store = new InMemoryFunnelStore(Plain, new FakeTimeProvider(T0));
        var ring = RingFunnel();
        var foreign = ring.Fire(ring.Start(new LeadId("r"), T0), Next, T0).State;
        var recycled = Plain.Start(new LeadId("b"), T0, FunnelStage.Lead);

        Assert.Equal("state", Assert.Throws<ArgumentException>(() => store.TryAdd(foreign)).ParamName);
        Assert.True(store.TryAdd(recycled));
        Assert.False(store.TryAdd(recycled));
        Assert.Throws<ArgumentException>(() => store.Start(new LeadId("b")));
    }

    [Fact]
    public void FindSlaBreaches_MqlsNotAcceptedWithin48Hours_AreListedLongestWaitingFirst()
    {
        var time = new FakeTimeProvider(T0);
        var store = new InMemoryFunnelStore(Plain, time);
        foreach (var name in new[] { "early", "late", "accepted" })
        {
            store.Start(new LeadId(name));
            store.FireOnLatest(new LeadId(name), FunnelTrigger.Qualify);
        }

        store.FireOnLatest(new LeadId("early"), FunnelTrigger.Qualify);
        time.Advance(TimeSpan.FromHours(10));
        store.FireOnLatest(new LeadId("late"), FunnelTrigger.Qualify);
        store.FireOnLatest(new LeadId("accepted"), FunnelTrigger.Qualify);
        store.FireOnLatest(new LeadId("accepted"), FunnelTrigger.Accept);

        Assert.Empty(store.FindSlaBreaches(T0.AddHours(48)));
        Assert.Equal([new LeadId("early")], store.FindSlaBreaches(T0.AddHours(49)).Select(s => s.LeadId));
        Assert.Equal([new LeadId("early"), new LeadId("late")], store.FindSlaBreaches(T0.AddHours(59)).Select(s => s.LeadId));
        Assert.Equal([new LeadId("early"), new LeadId("late")], store.FindInStageLongerThan(FunnelStage.Mql, TimeSpan.FromHours(1), T0.AddHours(12)).Select(s => s.LeadId));
        Assert.Equal([new LeadId("early")], store.FindInStageLongerThan(FunnelStage.Mql, TimeSpan.FromHours(3), T0.AddHours(12)).Select(s => s.LeadId));
    }

    [Fact]
    public void Fire_ClockSteppedBack_DatesTheChangeNoEarlierThanTheStageEntry()
    {
        var time = new ManualTimeProvider(T0);
        var store = new InMemoryFunnelStore(Plain, time);
        var id = store.Start(new LeadId("a")).LeadId;
        time.Now = T0.AddHours(2);
        store.Fire(id, 0, FunnelTrigger.Qualify);
        time.Now = T0.AddHours(1);

        var result = store.Fire(id, 1, FunnelTrigger.Qualify);

        Assert.True(result.IsAccepted);
        Assert.Equal(T0.AddHours(2), result.Change!.OccurredAt);
    }

    [Fact]
    public async Task Fire_ManyThreadsOnManyLeadsWithExpectedVersions_NoTransitionIsLostOrAppliedTwice()
    {
        const int Leads = 16;
        const int Threads = 8;
        const int AttemptsPerThread = 4_000;
        var definition = RingFunnel();
        var observer = new RecordingObserver(() => null);
        var store = new InMemoryFunnelStore(definition, new FakeTimeProvider(T0), [observer]);
        var ids = Enumerable.Range(0, Leads).Select(i => store.Start(new LeadId($"lead-{i}")).LeadId).ToArray();
        var acceptedVersions = ids.ToDictionary(id => id, _ => new ConcurrentBag<long>());
        var conflicts = 0L;
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                var random = new Random(1_000 + t);
                start.SignalAndWait();
                for (var i = 0; i < AttemptsPerThread; i++)
                {
                    var id = ids[random.Next(Leads)];
                    Assert.True(store.TryGet(id, out var seen));
                    var result = store.Fire(id, seen.Version, Next, new TransitionDetails(Actor: $"thread-{t}"));
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
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        var totalAccepted = 0L;
        var committed = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var id in ids)
        {
            Assert.True(store.TryGet(id, out var final));
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
        var definition = RingFunnel();
        var store = new InMemoryFunnelStore(definition, new FakeTimeProvider(T0));
        var ids = Enumerable.Range(0, Leads).Select(i => store.Start(new LeadId($"lead-{i}")).LeadId).ToArray();
        var calls = new long[Leads];
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                var random = new Random(2_000 + t);
                start.SignalAndWait();
                for (var i = 0; i < CallsPerThread; i++)
                {
                    var lead = random.Next(Leads);
                    Assert.True(store.FireOnLatest(ids[lead], Next, new TransitionDetails(Actor: $"thread-{t}")).IsAccepted);
                    Interlocked.Increment(ref calls[lead]);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        for (var lead = 0; lead < Leads; lead++)
        {
            Assert.True(store.TryGet(ids[lead], out var final));
            Assert.Equal(calls[lead], final.Version);
            Assert.Equal(calls[lead], final.History.Length);
            Assert.True(definition.Replay(final).IsValid);
        }

        Assert.Equal(Threads * CallsPerThread, calls.Sum());
    }
}
