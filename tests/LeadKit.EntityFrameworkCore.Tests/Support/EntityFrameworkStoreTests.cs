using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Model;
using LeadKit.EntityFrameworkCore.Routing;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Workflow;
using LeadKit.Testing;
using LeadKit.Testing.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace LeadKit.EntityFrameworkCore.Tests.Support;

/// <summary>What the EF Core stores do beyond the shared contracts (the unique key, failures, the workflow on top), per provider.</summary>
public abstract class EntityFrameworkStoreTests
{
    private static readonly DateTimeOffset T0 = LeadBuilder.Now;
    private static int _runs;

    protected abstract TestDatabase Database { get; }

    /// <summary>Returns a database without LeadKit's tables (an application that forgot its migration).</summary>
    protected abstract TestDatabase EmptyDatabase();

    [Fact]
    public async Task Commit_WhenTheVersionsHistoryRowExists_IsAConflictAndWritesNothing()
    {
        var store = new EntityFrameworkFunnelStore<TestDbContext>(Database.Factory());
        var start = RingFunnel.Create().Start(new LeadId("a"), T0);
        await store.AddAsync(start);
        var next = start.Append(new StageChange { From = start.Stage, To = RingFunnel.Stages[1], Trigger = RingFunnel.Next, OccurredAt = T0.AddMinutes(1) });

        // A writer that went around the version check (or a crash between two statements) left version 1's history row:
        // the unique (lead, version) key must refuse a second one.
        await using (var context = Database.Factory().CreateDbContext())
        {
            context.Add(new FunnelHistoryRow { LeadId = "a", Version = 1, FromStage = "ring-a", ToStage = "ring-c", Trigger = "next", OccurredAtUtcTicks = T0.UtcTicks });
            await context.SaveChangesAsync();
        }

        var commit = await store.CommitAsync(next, 0);

        Assert.Equal(FunnelCommitOutcome.Conflict, commit.Outcome);
        await using var check = Database.Factory().CreateDbContext();
        var history = await check.Set<FunnelHistoryRow>().Where(h => h.LeadId == "a").ToListAsync();
        Assert.Equal("ring-c", Assert.Single(history).ToStage);
        Assert.Equal(0, (await check.Set<FunnelLeadRow>().SingleAsync(r => r.LeadId == "a")).Version);
    }

    /// <summary>
    /// Model-based: random adds, commits on the current and on stale versions and paged stage queries give the same
    /// outcomes and states as the in-memory store (the reference), and every lead reads back equal at the end.
    /// </summary>
    [Property(MaxTest = 25)]
    public Property RandomOperations_MatchTheInMemoryStore(byte[] operations)
    {
        // Each run has its own leads, so runs share the database without emptying it.
        var run = Interlocked.Increment(ref _runs);
        var leads = Enumerable.Range(0, 3).Select(k => new LeadId($"run{run}-lead{k}")).ToArray();
        var model = new InMemoryFunnelStore();
        var store = new EntityFrameworkFunnelStore<TestDbContext>(Database.Factory());
        var definition = RingFunnel.Create();
        foreach (var operation in (operations ?? []).Take(30))
        {
            var lead = leads[operation % 3];
            var current = Wait(model.GetAsync(lead));
            switch (operation / 3 % 4)
            {
                case 0:
                    var start = definition.Start(lead, T0.AddMinutes(operation));
                    Assert.Equal(Wait(model.AddAsync(start)), Wait(store.AddAsync(start)));
                    break;
                case 1 or 2 when current is not null:
                    // Case 1 commits on the current version; case 2 on the one before it (stale), when there is one.
                    var expected = operation / 3 % 4 == 1 || current.Version == 0 ? current.Version : current.Version - 1;
                    var from = expected == current.Version ? current : RebuildAt(current, expected);
                    var next = from.Append(new StageChange { From = from.Stage, To = RingFunnel.Stages[(Array.IndexOf(RingFunnel.Stages, from.Stage) + 1) % 3], Trigger = RingFunnel.Next, OccurredAt = current.EnteredAt.AddMinutes(operation) });
                    var byModel = Wait(model.CommitAsync(next, expected));
                    var byStore = Wait(store.CommitAsync(next, expected));
                    Assert.Equal(byModel.Outcome, byStore.Outcome);
                    Assert.Equal(byModel.Current, byStore.Current);
                    break;
                case 1 or 2:
                    var ghost = definition.Start(lead, T0).Append(new StageChange { From = RingFunnel.Stages[0], To = RingFunnel.Stages[1], Trigger = RingFunnel.Next, OccurredAt = T0 });
                    Assert.Equal(FunnelCommitOutcome.NotFound, Wait(store.CommitAsync(ghost, 0)).Outcome);
                    break;
                default:
                    var query = new FunnelStageQuery { Stage = RingFunnel.Stages[operation % 3], EnteredBefore = T0.AddDays(30), PageSize = 2 };
                    Assert.Equal(AllPages(model, query), AllPages(store, query).Where(state => leads.Contains(state.LeadId)));
                    break;
            }
        }

        Assert.All(leads, lead => Assert.Equal(Wait(model.GetAsync(lead)), Wait(store.GetAsync(lead))));
        return true.ToProperty();

        static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

        static FunnelState RebuildAt(FunnelState state, long version)
        {
            var rebuilt = FunnelState.Start(state.LeadId, state.InitialStage, state.StartedAt);
            foreach (var change in state.History.Take((int)version))
            {
                rebuilt = rebuilt.Append(change);
            }

            return rebuilt;
        }

        static List<FunnelState> AllPages(IFunnelStore store, FunnelStageQuery first)
        {
            var states = new List<FunnelState>();
            for (FunnelStageQuery? page = first; page is not null;)
            {
                var result = Wait(store.QueryInStageAsync(page));
                states.AddRange(result.Items);
                page = page.NextPage(result);
            }

            return states;
        }
    }

    [Fact]
    public async Task Add_ManyWritersAddingOneLead_ExactlyOneAddsIt()
    {
        const int Writers = 8;
        var state = RingFunnel.Create().Start(new LeadId("raced"), T0);
        using var start = new Barrier(Writers);

        var added = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Factory.StartNew(
            async () =>
            {
                var store = new EntityFrameworkFunnelStore<TestDbContext>(Database.Factory());
                start.SignalAndWait();
                return await store.AddAsync(state);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()));

        Assert.Equal(1, added.Count(a => a));
        Assert.Equal(state, await new EntityFrameworkFunnelStore<TestDbContext>(Database.Factory()).GetAsync(state.LeadId));
    }

    [Fact]
    public async Task Get_WhenTheHistoryHasAGap_ThrowsAStoreExceptionWithoutTheLeadId()
    {
        var store = new EntityFrameworkFunnelStore<TestDbContext>(Database.Factory());
        await store.AddAsync(RingFunnel.Create().Start(new LeadId("ana@example.com"), T0));
        await using (var context = Database.Factory().CreateDbContext())
        {
            await context.Set<FunnelLeadRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, 2));
        }

        var failure = await Assert.ThrowsAsync<LeadKitStoreException>(async () => await store.GetAsync(new LeadId("ana@example.com")));

        Assert.DoesNotContain("ana@example.com", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_OnADatabaseWithoutLeadKitsTables_ThrowAStoreExceptionNamingTheOperation()
    {
        var empty = EmptyDatabase();
        var funnel = new EntityFrameworkFunnelStore<TestDbContext>(empty.Factory());
        var ledger = new EntityFrameworkRoutingLedgerStore<TestDbContext>(empty.Factory());
        var start = RingFunnel.Create().Start(new LeadId("ana@example.com"), T0);

        var add = await Assert.ThrowsAsync<LeadKitStoreException>(async () => await funnel.AddAsync(start));
        var get = await Assert.ThrowsAsync<LeadKitStoreException>(async () => await funnel.GetAsync(start.LeadId));
        var read = await Assert.ThrowsAsync<LeadKitStoreException>(async () => await ledger.ReadAsync());
        var record = await Assert.ThrowsAsync<LeadKitStoreException>(async () => await ledger.RecordAsync(new RoutingLedgerChange { ExpectedVersion = 0, RepId = new SalesRepId("ana"), Counters = default }));

        Assert.StartsWith("IFunnelStore.AddAsync failed", add.Message, StringComparison.Ordinal);
        Assert.StartsWith("IFunnelStore.GetAsync failed", get.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.com", add.Message + get.Message, StringComparison.Ordinal);
        Assert.StartsWith("IRoutingLedgerStore.ReadAsync failed", read.Message, StringComparison.Ordinal);
        Assert.StartsWith("IRoutingLedgerStore.RecordAsync failed", record.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(get.InnerException);
    }

    [Fact]
    public async Task Workflow_OverTheStore_FiresAcrossTwoAppInstancesWithConflictsAndReadsHistoryBack()
    {
        var time = new FakeTimeProvider(T0);
        var definition = RingFunnel.Create();
        var first = new FunnelWorkflow(definition, new EntityFrameworkFunnelStore<TestDbContext>(Database.Factory()), time);
        var second = new FunnelWorkflow(definition, new EntityFrameworkFunnelStore<TestDbContext>(Database.Factory()), time);
        var lead = new LeadId("lead-1");

        var started = await first.StartAsync(lead);
        time.Advance(TimeSpan.FromHours(1));
        var moved = await first.FireAsync(lead, started.Version, RingFunnel.Next);
        var stale = await second.FireAsync(lead, started.Version, RingFunnel.Next);
        time.Advance(TimeSpan.FromHours(1));
        var latest = await second.FireOnLatestAsync(lead, RingFunnel.Next);

        Assert.True(moved.IsAccepted);
        Assert.Equal(FireOutcome.Conflict, stale.Outcome);
        Assert.True(latest.IsAccepted);
        var read = (await first.GetAsync(lead))!;
        Assert.Equal(2, read.Version);
        Assert.Equal(RingFunnel.Stages[2], read.Stage);
        Assert.True(definition.Replay(read).IsValid);
        var breaches = await first.FindInStageLongerThanAsync(RingFunnel.Stages[2], TimeSpan.FromMinutes(30), T0.AddHours(3));
        Assert.Equal(lead, Assert.Single(breaches.Items).LeadId);
    }

    [Fact]
    public async Task ApplicationRows_AndLeadKitRows_CommitInOneTransaction()
    {
        await using var context = Database.Factory().CreateDbContext();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Customers.Add(new Customer { Name = "Acme" });
            context.Add(new RoutingRepRow { RepId = "ana", Assigned = 1, Open = 1 });
            await context.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await context.Customers.CountAsync());
        Assert.Equal(0, await context.Set<RoutingRepRow>().CountAsync());
    }
}
