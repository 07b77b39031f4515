using System.Text;
using FsCheck.Xunit;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

/// <summary>
/// Model-based test of <see cref="TestLedger"/>: random sequences of assignments (plugin, round robin, weighted),
/// releases, <see cref="TestLedger.SetOpenLeads"/> (up to <see cref="int.MaxValue"/>) and snapshot round trips
/// keep every rep's counters equal to a two-number model per rep, never negative and never wrapped.
/// </summary>
public sealed class RoutingLedgerPropertyTests
{
    private static readonly SalesRep[] Reps = [Rep("r0", weight: 3), Rep("r1"), Rep("r2", weight: 2), Rep("mia@example.com")];

    private static readonly int[] OpenValues = [0, 1, 2, int.MaxValue - 1, int.MaxValue];

    /// <summary>Each code is one operation: the low digits pick the kind, the rest the rep and the value.</summary>
    [Property(MaxTest = 300)]
    public void Counters_AnySequenceOfOperations_EqualTheModelAndNeverGoNegative(int[] codes)
    {
        var assigned = new long[Reps.Length];
        var open = new int[Reps.Length];
        var state = new TestLedger();
        var plans = Plans(state);
        foreach (var code in codes)
        {
            var value = (uint)code;
            var k = (int)(value / 7 % (uint)Reps.Length);
            switch (value % 7)
            {
                case 0:
                    // A plugin step picks rep k: counted like a built-in unless the rep is full.
                    var plugin = plans.Plugins[k].RouteTo();
                    Assert.Equal(open[k] == int.MaxValue ? null : Reps[k].Id.Value, plugin);
                    Count(plugin);
                    break;
                case 1:
                    Count(Checked(plans.RoundRobin.RouteTo()));
                    break;
                case 2:
                    Count(Checked(plans.Weighted.RouteTo()));
                    break;
                case 3:
                    if (open[k] == 0)
                    {
                        Assert.Throws<InvalidOperationException>(() => state.ReleaseLead(Reps[k].Id));
                    }
                    else
                    {
                        state.ReleaseLead(Reps[k].Id);
                        open[k]--;
                    }

                    break;
                case 4:
                    var n = OpenValues[(int)(value / 28 % (uint)OpenValues.Length)];
                    state.SetOpenLeads(Reps[k].Id, n);
                    open[k] = n;
                    break;
                case 5:
                    state = TestLedger.FromJson(state.ToJson());
                    plans = Plans(state);
                    break;
                default:
                    state = TestLedger.FromJson(Encoding.UTF8.GetBytes(state.ToJson()));
                    plans = Plans(state);
                    break;
            }

            for (var i = 0; i < Reps.Length; i++)
            {
                var counters = state.GetCounters(Reps[i].Id);
                Assert.Equal((assigned[i], open[i]), (counters.Assigned, counters.Open));
                Assert.True(counters.Assigned >= 0 && counters.Open >= 0);
            }

            Assert.Equal(assigned.Sum(), state.TotalAssigned);
        }

        void Count(string? rep)
        {
            if (rep is not null)
            {
                var i = Array.FindIndex(Reps, r => r.Id.Value == rep);
                assigned[i]++;
                open[i]++;
            }
        }

        // A built-in selection never picks a full rep, and finds nobody only when every rep is full.
        string? Checked(string? rep)
        {
            if (rep is null)
            {
                Assert.All(open, o => Assert.Equal(int.MaxValue, o));
            }
            else
            {
                Assert.NotEqual(int.MaxValue, open[Array.FindIndex(Reps, r => r.Id.Value == rep)]);
            }

            return rep;
        }
    }

    private static (RoutedPlan[] Plugins, RoutedPlan RoundRobin, RoutedPlan Weighted) Plans(TestLedger state) => (
        [.. Reps.Select(r => Plan(state, b => b.AddReps(Reps).AddStep(_ => new RoutingInputHardeningTests.FixedRepStep(r.Id))))],
        Plan(state, b => b.AddReps(Reps).AddAllReps(RepSelection.RoundRobin)),
        Plan(state, b => b.AddReps(Reps).AddAllReps(RepSelection.WeightedRoundRobin)));
}
