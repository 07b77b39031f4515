using LeadKit.Abstractions.Configuration;
using System.Text.Json;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class RoutingLedgerTests
{
    [Fact]
    public void Snapshot_RoundTrip_RestoredStateContinuesExactlyLikeTheOriginal()
    {
        SalesRep[] reps = [Rep("a", weight: 3, maxOpen: 50, maxPerPeriod: 40), Rep("b", weight: 1, maxOpen: 50), Rep("c", weight: 2, maxOpen: 50)];
        var state = new TestLedger();
        var plans = new[] { RepSelection.RoundRobin, RepSelection.WeightedRoundRobin, RepSelection.LoadBalancing }
            .Select(s => TeamPlan(state, s, reps)).ToArray();
        for (var i = 0; i < 30; i++)
        {
            plans[i % 3].RouteTo();
        }

        state.ReleaseLead(Id("b"));
        var json = state.ToJson();
        var restored = TestLedger.FromJson(json);
        var restoredPlans = new[] { RepSelection.RoundRobin, RepSelection.WeightedRoundRobin, RepSelection.LoadBalancing }
            .Select(s => TeamPlan(restored, s, reps)).ToArray();

        Assert.Equal(json, restored.ToJson());
        Assert.Equal(state.GetCounters(Id("a")), restored.GetCounters(Id("a")));
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(plans[i % 3].RouteTo(), restoredPlans[i % 3].RouteTo());
        }
    }

    [Theory]
    [InlineData("""{ "version": 2, "reps": [], "pools": [] }""", "$.version")]
    [InlineData("""{ "version": 1, "reps": [ { "id": "a", "open": -1 } ], "pools": [] }""", "$.reps[0].open")]
    [InlineData("""{ "version": 1, "reps": [ { "id": "a" }, { "id": "a" } ], "pools": [] }""", "$.reps[1].id")]
    [InlineData("""{ "version": 1, "reps": [ { "id": "" } ], "pools": [] }""", "$.reps[0].id")]
    [InlineData("""{ "version": 1, "reps": [ { "id": "a", "secret": 1 } ] }""", "$.reps[0].secret")]
    public void FromJson_InvalidSnapshot_ThrowsWithPath(string json, string path)
    {
        var error = Assert.Throws<ConfigurationException>(() => TestLedger.FromJson(json));

        Assert.Equal(path, Assert.Single(error.Problems).Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcurrentRouting_8ThreadsOneMillionLeads_EachAssignedOnceCapacitiesHoldAndTotalsAddUp()
    {
        const int threads = 8;
        const int perThread = 125_000;
        const int capacity = 40_000;
        var reps = Enumerable.Range(0, 10).Select(i => Rep($"rep-{i}", weight: 1 + (i % 3), maxOpen: capacity)).ToArray();
        var state = new TestLedger();
        var plan = Plan(state, b => b
            .AddReps(reps)
            .AddTeam(new("half"), reps.Take(5).Select(r => r.Id))
            .AddTeamStep(new("half"), RepSelection.WeightedRoundRobin)
            .AddAllReps(RepSelection.RoundRobin));
        var outcomes = new int[threads * perThread]; // 1 + rep index, or -1 when unassigned; 0 = never routed
        var lead = AnyLead();

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = t * perThread; i < (t + 1) * perThread; i++)
            {
                var result = plan.Route(lead, Now);
                Interlocked.Exchange(ref outcomes[i], result.IsAssigned ? 1 + int.Parse(result.RepId.Value!.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) : -1);
            }
        });

        var perRep = new long[reps.Length];
        var unassigned = 0;
        foreach (var outcome in outcomes)
        {
            Assert.NotEqual(0, outcome);
            if (outcome < 0)
            {
                unassigned++;
            }
            else
            {
                perRep[outcome - 1]++;
            }
        }

        Assert.Equal(threads * perThread, perRep.Sum() + unassigned);
        Assert.Equal(reps.Length * capacity, perRep.Sum()); // 400,000 fit; every other lead is explicitly unassigned
        Assert.Equal(perRep.Sum(), state.TotalAssigned);
        for (var i = 0; i < reps.Length; i++)
        {
            var counters = state.GetCounters(reps[i].Id);
            Assert.Equal(perRep[i], counters.Assigned);
            Assert.Equal(capacity, counters.Open);
        }
    }
}
