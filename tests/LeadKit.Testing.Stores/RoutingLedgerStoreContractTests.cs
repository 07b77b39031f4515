using System.Collections.Immutable;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing;
using LeadKit.Routing.Ledger;
using Xunit;

namespace LeadKit.Testing.Stores;

/// <summary>
/// What every <see cref="IRoutingLedgerStore"/> must do, written once against the contract and driven through
/// <see cref="LeadRouter"/> as applications do: a store implementation derives from this class and supplies
/// <see cref="CreateLedger"/>, which opens handles on one new, empty ledger (separate store instances, as separate
/// processes or contexts would have).
/// </summary>
public abstract class RoutingLedgerStoreContractTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    /// <summary>Gets how many leads each of the eight concurrent writers routes through each plan (a database store may ask for fewer).</summary>
    protected virtual int RoutesPerWriter => 250;

    /// <summary>Makes a new, empty ledger.</summary>
    /// <returns>Opens another store handle on that ledger each call.</returns>
    protected abstract Func<IRoutingLedgerStore> CreateLedger();

    [Fact]
    public async Task Record_OnTheReadVersion_IsRecordedAndAStaleChangeIsAConflict()
    {
        var open = CreateLedger();
        var store = open();
        var plan = TeamPlan(RepSelection.RoundRobin, Rep("ana"), Rep("bruno"));
        var snapshot = await store.ReadAsync();

        var first = await plan.DecideAsync(LeadBuilder.New().Build(), Now, snapshot, cancellationToken: CancellationToken.None);
        var again = await plan.DecideAsync(LeadBuilder.New().Build(), Now, snapshot, cancellationToken: CancellationToken.None);

        Assert.Equal(0, snapshot.Version);
        Assert.Equal(first.RepId, again.RepId);
        Assert.Equal(RoutingLedgerRecordOutcome.Recorded, await store.RecordAsync(first.Change!));
        Assert.Equal(RoutingLedgerRecordOutcome.Conflict, await open().RecordAsync(again.Change!));
        var after = await open().ReadAsync();
        Assert.Equal(1, after.Version);
        Assert.Equal(1, after.TotalAssigned);
        Assert.Equal(snapshot.Apply(first.Change!).GetCounters(first.RepId), after.GetCounters(first.RepId));
    }

    [Fact]
    public async Task Record_EveryKindOfChange_ReadsBackAsApplyGivesIt()
    {
        var store = CreateLedger()();
        var expected = RoutingLedgerSnapshot.Empty;
        var changes = new[]
        {
            new RoutingLedgerChange
            {
                ExpectedVersion = 0,
                RepId = new SalesRepId("ana"),
                Counters = new RepCounters { Assigned = 7, Open = 3, PeriodStart = new DateOnly(2026, 12, 1), AssignedInPeriod = 2 },
                Pool = new PoolRotation { Name = "team:t/WeightedRoundRobin", LastRep = new SalesRepId("ana"), Assignments = 9, WeightedCounts = new Dictionary<SalesRepId, long> { [new("ana")] = 5, [new("bruno")] = 4 }.ToImmutableDictionary() },
            },
            new RoutingLedgerChange
            {
                ExpectedVersion = 1,
                RepId = new SalesRepId("bruno"),
                Counters = new RepCounters { Assigned = 1, Open = 0 },
                Pool = new PoolRotation { Name = "team:t/WeightedRoundRobin", LastRep = new SalesRepId("bruno"), Assignments = 10, WeightedCounts = new Dictionary<SalesRepId, long> { [new("bruno")] = 5 }.ToImmutableDictionary() },
            },
            new RoutingLedgerChange { ExpectedVersion = 2, RepId = new SalesRepId("ana"), Counters = new RepCounters { Assigned = 7, Open = 2, PeriodStart = new DateOnly(2026, 12, 1), AssignedInPeriod = 2 } },
            new RoutingLedgerChange { ExpectedVersion = 3, RepId = new SalesRepId("carla"), Counters = default, Pool = new PoolRotation { Name = "team:t/RoundRobin" } },
        };

        foreach (var change in changes)
        {
            Assert.Equal(RoutingLedgerRecordOutcome.Recorded, await store.RecordAsync(change));
            expected = expected.Apply(change);
        }

        var read = await store.ReadAsync();
        Assert.Equal(expected.Version, read.Version);
        Assert.Equal(expected.Reps.OrderBy(r => r.Key.Value, StringComparer.Ordinal), read.Reps.OrderBy(r => r.Key.Value, StringComparer.Ordinal));
        Assert.Equal(expected.Pools.Keys.Order(StringComparer.Ordinal), read.Pools.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, pool) in expected.Pools)
        {
            var stored = read.GetPool(name)!;
            Assert.Equal(pool.LastRep, stored.LastRep);
            Assert.Equal(pool.Assignments, stored.Assignments);
            Assert.Equal(pool.WeightedCounts.OrderBy(c => c.Key.Value, StringComparer.Ordinal), stored.WeightedCounts.OrderBy(c => c.Key.Value, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task TwoRouters_OnSeparateHandles_SeeEachOthersChanges()
    {
        var open = CreateLedger();
        var a = Router(TeamPlan(RepSelection.RoundRobin, Rep("ana"), Rep("bruno"), Rep("carla")), open());
        var b = Router(TeamPlan(RepSelection.RoundRobin, Rep("ana"), Rep("bruno"), Rep("carla")), open());

        var chosen = new List<string>();
        foreach (var router in new[] { a, b, a, b })
        {
            chosen.Add((await router.RouteAsync(LeadBuilder.New().Build(), Now)).RepId.Value!);
        }

        Assert.Equal(new[] { "ana", "bruno", "carla", "ana" }, chosen);
    }

    [Fact]
    public async Task EightWriters_RoundRobinExactlyEven_CapacitiesNeverExceeded_CountsAddUp()
    {
        const int Writers = 8;
        var perWriter = RoutesPerWriter;
        var openFair = CreateLedger();
        var openCapped = CreateLedger();
        SalesRep[] fairTeam = [Rep("a"), Rep("b"), Rep("c"), Rep("d")];

        // Together the capped reps hold 3 x perWriter leads: fewer than the 8 x perWriter offered, so both fill up exactly.
        SalesRep[] cappedTeam = [Rep("x", maxOpen: 2 * perWriter), Rep("y", maxOpen: perWriter)];
        var assigned = 0;
        using var start = new Barrier(Writers);

        var writers = Enumerable.Range(0, Writers).Select(_ =>
        {
            // Each writer has its own store handles (its own contexts), as separate app instances would.
            var fair = Router(TeamPlan(RepSelection.RoundRobin, fairTeam), openFair());
            var capped = Router(TeamPlan(RepSelection.LoadBalancing, cappedTeam), openCapped());
            return Task.Factory.StartNew(
                async () =>
                {
                    start.SignalAndWait();
                    for (var i = 0; i < perWriter; i++)
                    {
                        Assert.True((await fair.RouteAsync(LeadBuilder.New().Build(), Now)).IsAssigned);
                        var decision = await capped.RouteAsync(LeadBuilder.New().Build(), Now);
                        if (decision.IsAssigned)
                        {
                            Interlocked.Increment(ref assigned);
                        }
                        else
                        {
                            Assert.NotEqual(UnassignedReason.Conflict, decision.Reason);
                        }
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap();
        }).ToArray();
        await Task.WhenAll(writers);

        var fairLedger = await openFair().ReadAsync();
        var cappedLedger = await openCapped().ReadAsync();
        Assert.All(fairTeam, rep => Assert.Equal(Writers * perWriter / fairTeam.Length, fairLedger.GetCounters(rep.Id).Assigned));
        Assert.Equal(Writers * perWriter, fairLedger.Version);
        Assert.Equal(3 * perWriter, assigned);
        Assert.Equal(2 * perWriter, cappedLedger.GetCounters(new SalesRepId("x")).Open);
        Assert.Equal(perWriter, cappedLedger.GetCounters(new SalesRepId("y")).Open);
        Assert.Equal(assigned, cappedLedger.TotalAssigned);
    }

    [Fact]
    public async Task Calls_WithACancelledToken_ThrowAndRecordNothing()
    {
        var store = CreateLedger()();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var change = new RoutingLedgerChange { ExpectedVersion = 0, RepId = new SalesRepId("ana"), Counters = new RepCounters { Assigned = 1, Open = 1 } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.RecordAsync(change, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ReadAsync(cancelled.Token));
        Assert.Equal(0, (await store.ReadAsync()).Version);
        Assert.Equal(RoutingLedgerRecordOutcome.Recorded, await store.RecordAsync(change));
    }

    private static SalesRep Rep(string id, int? maxOpen = null) => new()
    {
        Id = new SalesRepId(id),
        Name = $"Rep {id}",
        MaxOpenLeads = maxOpen,
    };

    private static RoutingPlan TeamPlan(RepSelection selection, params SalesRep[] reps)
        => new RoutingPlanBuilder().AddReps(reps).AddTeam(new SalesTeamId("t"), reps.Select(r => r.Id)).AddTeamStep(new SalesTeamId("t"), selection).Build();

    // Eight writers on one ledger conflict often; the default 64 attempts is for production, not for a deliberate pile-up.
    private static LeadRouter Router(RoutingPlan plan, IRoutingLedgerStore store) => new(new RoutingPlanProvider(plan), store) { MaximumAttempts = 10_000 };
}
