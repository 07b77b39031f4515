using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Ledger;
using static LeadKit.Routing.Tests.Ledger.LedgerRouting;

namespace LeadKit.Routing.Tests.Ledger;

public sealed class InMemoryRoutingLedgerStoreTests
{
    [Fact]
    public async Task Decide_DoesNotChangeTheLedger_RecordingDoes()
    {
        var plan = TeamPlan(RepSelection.RoundRobin, Rep("ana"), Rep("bruno"));
        var store = new InMemoryRoutingLedgerStore();

        var first = await plan.DecideAsync(LeadKit.Testing.LeadBuilder.New().Build(), Now, store.Current, cancellationToken: CancellationToken.None);
        var again = await plan.DecideAsync(LeadKit.Testing.LeadBuilder.New().Build(), Now, store.Current, cancellationToken: CancellationToken.None);

        Assert.Equal(first.RepId, again.RepId);
        Assert.Equal(0, store.Current.Version);
        Assert.Equal(RoutingLedgerRecordOutcome.Recorded, await store.RecordAsync(first.Change!, CancellationToken.None));
        Assert.Equal(RoutingLedgerRecordOutcome.Conflict, await store.RecordAsync(again.Change!, CancellationToken.None));
        Assert.Equal(1, store.Current.TotalAssigned);
    }

    [Fact]
    public void TwoRouters_SharingOneStore_SeeEachOthersChangesWithoutRebuildingThePlan()
    {
        var store = new InMemoryRoutingLedgerStore();
        var a = Router(TeamPlan(RepSelection.RoundRobin, Rep("ana"), Rep("bruno"), Rep("carla")), store);
        var b = Router(TeamPlan(RepSelection.RoundRobin, Rep("ana"), Rep("bruno"), Rep("carla")), store);

        var chosen = new[] { a.Route(), b.Route(), a.Route(), b.Route() }.Select(d => d.RepId.Value!).ToArray();

        Assert.Equal(new[] { "ana", "bruno", "carla", "ana" }, chosen);
    }

    [Fact]
    public void EightThreads_RoundRobin_FairCapacitiesNeverExceededCountsAddUp()
    {
        var store = new InMemoryRoutingLedgerStore();
        var capped = Router(TeamPlan(RepSelection.LoadBalancing, Rep("x", maxOpen: 500), Rep("y", maxOpen: 300)), store);
        var fair = Router(TeamPlan(RepSelection.RoundRobin, Rep("a"), Rep("b"), Rep("c"), Rep("d")), new InMemoryRoutingLedgerStore());
        var fairStore = (InMemoryRoutingLedgerStore)fair.Ledger;
        var assigned = 0;

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 250; i++)
            {
                Assert.True(fair.Route().IsAssigned);
                if (capped.Route().IsAssigned)
                {
                    Interlocked.Increment(ref assigned);
                }
            }
        });

        Assert.All(new[] { "a", "b", "c", "d" }, id => Assert.Equal(500, fairStore.Current.GetCounters(new SalesRepId(id)).Assigned));
        Assert.Equal(800, assigned);
        Assert.Equal(500, store.Current.GetCounters(new SalesRepId("x")).Open);
        Assert.Equal(300, store.Current.GetCounters(new SalesRepId("y")).Open);
        Assert.Equal(800, store.Current.TotalAssigned);
    }

    /// <summary>
    /// Model-based: random assignments (round robin, weighted), releases, open-lead settings and JSON round trips
    /// against a plain model of the counters; the ledger always matches the model and its version counts the changes.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property RandomOperations_LedgerMatchesTheModel(int[] operations)
    {
        var reps = new[] { Rep("a", weight: 3), Rep("b"), Rep("c", weight: 2) };
        var store = new InMemoryRoutingLedgerStore();
        var plans = new[] { TeamPlan(RepSelection.RoundRobin, reps), TeamPlan(RepSelection.WeightedRoundRobin, reps) };
        var assigned = new Dictionary<string, long> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        var open = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        long changes = 0;
        foreach (var operation in operations ?? [])
        {
            var rep = reps[(operation & 0x7fffffff) % 3].Id;
            switch ((operation & 0x7fffffff) / 3 % 4)
            {
                case 0 or 1:
                    var decision = Router(plans[operation & 1], store).Route();
                    assigned[decision.RepId.Value!]++;
                    open[decision.RepId.Value!]++;
                    changes++;
                    break;
                case 2 when open[rep.Value!] > 0:
                    store.ReleaseLeadAsync(rep).GetAwaiter().GetResult();
                    open[rep.Value!]--;
                    changes++;
                    break;
                case 2:
                    Assert.Throws<InvalidOperationException>(() => store.ReleaseLeadAsync(rep).GetAwaiter().GetResult());
                    break;
                default:
                    var json = RoutingLedgerJson.Write(store.Current);
                    var restored = RoutingLedgerJson.Read(json);
                    Assert.Equal(json, RoutingLedgerJson.Write(restored));
                    store = new InMemoryRoutingLedgerStore(restored);
                    changes = 0;
                    break;
            }

            foreach (var r in reps)
            {
                var counters = store.Current.GetCounters(r.Id);
                Assert.Equal(assigned[r.Id.Value!], counters.Assigned);
                Assert.Equal(open[r.Id.Value!], counters.Open);
            }

            Assert.Equal(changes, store.Current.Version);
        }

        return true.ToProperty();
    }

    [Fact]
    public void Json_WithoutVersionOrWithNegativeCounter_IsRefusedWithPathAndCode()
    {
        var missing = Assert.Throws<ConfigurationException>(() => RoutingLedgerJson.Read("""{ "reps": [], "pools": [] }"""));
        var negative = Assert.Throws<ConfigurationException>(() => RoutingLedgerJson.Read("""{ "version": 1, "reps": [ { "id": "a", "open": -1 } ] }"""));

        Assert.Equal(ConfigurationProblemCodes.UnsupportedVersion, Assert.Single(missing.Problems).Code);
        Assert.Equal("$.reps[0].open", Assert.Single(negative.Problems).Path);
    }
}
