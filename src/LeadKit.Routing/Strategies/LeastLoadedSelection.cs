using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>The eligible member with the lowest open leads / capacity (see <see cref="RepSelection.LoadBalancing"/>).</summary>
internal sealed class LeastLoadedSelection : PoolSelection
{
    public static LeastLoadedSelection Instance { get; } = new();

    public override RepSelection Kind => RepSelection.LoadBalancing;

    public override string JsonName => "loadBalancing";

    /// <summary>Load is open leads / capacity, so every member needs a <see cref="RepEntry.MaxOpenLeads"/>.</summary>
    public override string? CheckMembers(ReadOnlySpan<RepEntry> members)
    {
        var without = 0;
        foreach (var member in members)
        {
            without += member.MaxOpenLeads == 0 ? 1 : 0;
        }

        return without == 0 ? null : $"load balancing needs every rep's MaxOpenLeads, but {without} of the {members.Length} reps have none";
    }

    public override int Select(RepPool pool, in RoutingContext context, PoolRotation? rotation, string step, out RepCounters counters, out PoolRotation? next)
    {
        var best = -1;
        RepCounters bestCounters = default;
        for (var i = 0; i < pool.Members.Length; i++)
        {
            if (pool.IsEligible(i, context, step, out var candidate)
                && (best < 0 || IsLessLoaded(candidate, pool.Members[i].MaxOpenLeads, bestCounters, pool.Members[best].MaxOpenLeads)))
            {
                best = i;
                bestCounters = candidate;
            }
        }

        counters = bestCounters;
        next = best < 0 ? null : pool.Rotated(rotation, best);
        return best;
    }

    /// <summary>open_a / cap_a &lt; open_b / cap_b, compared exactly by cross-multiplication; ties by open leads, then total assigned.</summary>
    private static bool IsLessLoaded(RepCounters a, int capA, RepCounters b, int capB)
    {
        var left = (long)a.Open * capB;
        var right = (long)b.Open * capA;
        if (left != right)
        {
            return left < right;
        }

        return a.Open != b.Open ? a.Open < b.Open : a.Assigned < b.Assigned;
    }
}
