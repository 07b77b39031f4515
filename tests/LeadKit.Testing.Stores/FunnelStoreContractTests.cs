using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using Xunit;

namespace LeadKit.Testing.Stores;

/// <summary>
/// What every <see cref="IFunnelStore"/> must do, written once against the contract: a store implementation (in memory
/// here, a database one elsewhere) derives from this class and supplies <see cref="CreateStore"/>.
/// </summary>
public abstract class FunnelStoreContractTests
{
    private static readonly FunnelTrigger Next = RingFunnel.Next;
    private static readonly DateTimeOffset T0 = LeadBuilder.Now;

    /// <summary>Gets how many versions the contended-writers test commits (a database store may ask for fewer, to keep the run short).</summary>
    protected virtual int ContendedVersions => 200;

    /// <summary>Returns a store over an empty funnel (a fresh one for each test).</summary>
    /// <returns>The store.</returns>
    protected abstract IFunnelStore CreateStore();

    [Fact]
    public async Task Commit_OnTheStoredVersion_IsCommittedAndReadBack()
    {
        var store = CreateStore();
        var start = RingFunnel.Create().Start(new LeadId("a"), T0);
        Assert.True(await store.AddAsync(start));
        Assert.False(await store.AddAsync(start));
        var next = start.Append(new StageChange { From = start.Stage, To = RingFunnel.Stages[1], Trigger = Next, OccurredAt = T0.AddMinutes(1) });

        var commit = await store.CommitAsync(next, 0);

        Assert.Equal(FunnelCommitOutcome.Committed, commit.Outcome);
        var read = await store.GetAsync(new LeadId("a"));
        Assert.Equal(next, read);
        // As arrays: ImmutableArray's own equality compares references, not items.
        Assert.Equal(next.History.ToArray(), read!.History.ToArray());
    }

    [Fact]
    public async Task Commit_OnAnotherVersion_IsAConflictWithTheStoredStateOrNotFound()
    {
        var store = CreateStore();
        var start = RingFunnel.Create().Start(new LeadId("a"), T0);
        await store.AddAsync(start);
        var first = start.Append(new StageChange { From = start.Stage, To = RingFunnel.Stages[1], Trigger = Next, OccurredAt = T0 });
        var rival = start.Append(new StageChange { From = start.Stage, To = RingFunnel.Stages[1], Trigger = Next, OccurredAt = T0.AddHours(1) });
        await store.CommitAsync(first, 0);

        var conflict = await store.CommitAsync(rival, 0);
        var ghost = await store.CommitAsync(RingFunnel.Create().Start(new LeadId("ghost"), T0).Append(rival.LastChange!), 0);

        Assert.Equal(FunnelCommitOutcome.Conflict, conflict.Outcome);
        Assert.Equal(first, conflict.Current);
        Assert.Equal(FunnelCommitOutcome.NotFound, ghost.Outcome);
        Assert.Null(ghost.Current);
        Assert.Equal(first, await store.GetAsync(new LeadId("a")));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.CommitAsync(first, 5));
    }

    [Fact]
    public async Task Commit_ManyWritersOnOneVersion_ExactlyOneWinsEachVersion()
    {
        const int Writers = 8;
        var versions = ContendedVersions;
        var store = CreateStore();
        var id = new LeadId("contended");
        await store.AddAsync(RingFunnel.Create().Start(id, T0));
        var wins = new int[versions + 1];
        using var start = new Barrier(Writers);

        var workers = Enumerable.Range(0, Writers).Select(w => Task.Factory.StartNew(
            async () =>
            {
                start.SignalAndWait();
                while (true)
                {
                    var current = (await store.GetAsync(id))!;
                    if (current.Version >= versions)
                    {
                        return;
                    }

                    var next = current.Append(new StageChange { From = current.Stage, To = RingFunnel.Stages[(current.Version + 1) % 3], Trigger = Next, OccurredAt = T0, Actor = $"writer-{w}" });
                    var commit = await store.CommitAsync(next, current.Version);
                    if (commit.Outcome == FunnelCommitOutcome.Committed)
                    {
                        Interlocked.Increment(ref wins[next.Version]);
                    }
                    else
                    {
                        Assert.Equal(FunnelCommitOutcome.Conflict, commit.Outcome);
                        Assert.True(commit.Current!.Version > current.Version);
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(workers);

        Assert.All(wins.Skip(1), count => Assert.Equal(1, count));
        var final = (await store.GetAsync(id))!;
        Assert.Equal(versions, final.Version);
        Assert.True(RingFunnel.Create().Replay(final).IsValid);
    }

    [Fact]
    public async Task Query_PagesTheStageInKeyOrderWithoutSkippingOrRepeating()
    {
        var store = CreateStore();
        var definition = RingFunnel.Create();
        for (var i = 0; i < 9; i++)
        {
            // Entry times collide in threes and mix offsets, so the instant and the lead id both decide the order.
            var entered = T0.AddMinutes(i / 3).ToOffset(TimeSpan.FromHours(i % 3));
            await store.AddAsync(definition.Start(new LeadId($"lead-{8 - i}"), entered));
        }

        var query = new FunnelStageQuery { Stage = RingFunnel.Stages[0], EnteredBefore = T0.AddMinutes(2), PageSize = 4 };
        var seen = new List<FunnelState>();
        for (FunnelStageQuery? page = query; page is not null;)
        {
            var result = await store.QueryInStageAsync(page);
            seen.AddRange(result.Items);
            page = page.NextPage(result);
        }

        Assert.Equal(6, seen.Count);
        Assert.Equal(seen.OrderBy(s => s.EnteredAt.UtcTicks).ThenBy(s => s.LeadId.Value, StringComparer.Ordinal).Select(s => s.LeadId), seen.Select(s => s.LeadId));
        Assert.Empty((await store.QueryInStageAsync(new FunnelStageQuery { Stage = RingFunnel.Stages[1], EnteredBefore = T0.AddYears(1) })).Items);
    }

    [Fact]
    public async Task Query_OrdersLeadsThatEnteredTogetherByOrdinalId()
    {
        var store = CreateStore();
        var definition = RingFunnel.Create();

        // Ordinal order is "B" < "Z" < "a" < "b"; a language collation would say a < B < b < Z.
        foreach (var id in new[] { "b", "Z", "a", "B" })
        {
            await store.AddAsync(definition.Start(new LeadId(id), T0));
        }

        var query = new FunnelStageQuery { Stage = RingFunnel.Stages[0], EnteredBefore = T0.AddTicks(1), PageSize = 1 };
        var seen = new List<string>();
        for (FunnelStageQuery? page = query; page is not null;)
        {
            var result = await store.QueryInStageAsync(page);
            seen.AddRange(result.Items.Select(s => s.LeadId.Value!));
            page = page.NextPage(result);
        }

        Assert.Equal(new[] { "B", "Z", "a", "b" }, seen);
    }

    [Fact]
    public async Task Add_AStateWithHistoryAndOffsets_ReadsBackEqualWithEveryDetail()
    {
        var store = CreateStore();
        var start = RingFunnel.Create().Start(new LeadId("imported@example.com"), T0.ToOffset(TimeSpan.FromHours(-3)));
        var moved = start
            .Append(new StageChange { From = RingFunnel.Stages[0], To = RingFunnel.Stages[1], Trigger = Next, OccurredAt = T0.AddTicks(1).ToOffset(TimeSpan.FromMinutes(330)), Actor = "ana", Reason = "called back" })
            .Append(new StageChange { From = RingFunnel.Stages[1], To = RingFunnel.Stages[2], Trigger = Next, OccurredAt = T0.AddDays(2), IsOverride = true });

        Assert.True(await store.AddAsync(moved));
        var read = (await store.GetAsync(moved.LeadId))!;

        Assert.Equal(moved, read);
        Assert.Equal(moved.History.ToArray(), read.History.ToArray());
        Assert.Equal(moved.StartedAt.Offset, read.StartedAt.Offset);
        Assert.Equal(moved.History.Select(c => c.OccurredAt.Offset), read.History.Select(c => c.OccurredAt.Offset));
        Assert.Null(await store.GetAsync(new LeadId("someone-else")));
    }

    [Fact]
    public async Task Calls_WithACancelledToken_ThrowAndChangeNothing()
    {
        var store = CreateStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var start = RingFunnel.Create().Start(new LeadId("a"), T0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AddAsync(start, cancelled.Token));
        Assert.Null(await store.GetAsync(new LeadId("a")));
        Assert.True(await store.AddAsync(start));
        var next = start.Append(new StageChange { From = start.Stage, To = RingFunnel.Stages[1], Trigger = Next, OccurredAt = T0 });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.CommitAsync(next, 0, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.GetAsync(start.LeadId, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.QueryInStageAsync(new FunnelStageQuery { Stage = start.Stage, EnteredBefore = T0.AddDays(1) }, cancelled.Token));
        Assert.Equal(start, await store.GetAsync(start.LeadId));
    }
}
