using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Model;
using LeadKit.EntityFrameworkCore.Routing;
using LeadKit.Funnel.State;
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
