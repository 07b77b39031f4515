using System.Collections.Immutable;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>
/// Smooth, deterministic weighted round robin with the quota guarantee (see <see cref="RepSelection.WeightedRoundRobin"/>):
/// the t-th lead goes to the member with the earliest deadline (count + 1) / weight among members released by
/// total weight x count &lt;= weight x t; ties by member order.
/// </summary>
internal sealed class WeightedRoundRobinSelection : PoolSelection
{
    public static WeightedRoundRobinSelection Instance { get; } = new();

    public override RepSelection Kind => RepSelection.WeightedRoundRobin;

    public override string JsonName => "weightedRoundRobin";

    public override int Select(RepPool pool, in RoutingContext context, PoolRotation? rotation, string step, out RepCounters counters, out PoolRotation? next)
    {
        next = null;
        counters = default;
        var assignments = rotation?.Assignments ?? 0;

        // The pool's count is capped (RoutingLedgerSnapshot.MaximumCount) so total weight x count cannot overflow a long.
        if (assignments >= RoutingLedgerSnapshot.MaximumCount)
        {
            return -1;
        }

        var counts = rotation?.WeightedCounts ?? ImmutableDictionary<SalesRepId, long>.Empty;
        var members = pool.Members;
        var total = pool.TotalWeight;
        var t = assignments + 1;
        var best = -1;
        var bestReleased = false;
        long bestCount = 0;
        long bestWeight = 1;
        var anyJoining = false;
        for (var i = 0; i < members.Length; i++)
        {
            long weight = pool.Weights[i];

            // A pool's first lead skips hashing every member's id against an empty dictionary.
            long count = 0;
            var known = !counts.IsEmpty && counts.TryGetValue(members[i].Rep.Id, out count);
            if (!known)
            {
                count = JoinCount(weight, assignments, total);
                anyJoining |= assignments > 0;
            }

            if (!pool.IsEligible(i, context, step, out var candidate))
            {
                continue;
            }

            var released = total * count <= weight * t;
            if (best < 0
                || (released && !bestReleased)
                || (released == bestReleased && (count + 1) * bestWeight < (bestCount + 1) * weight))
            {
                best = i;
                bestReleased = released;
                bestCount = count;
                bestWeight = weight;
                counters = candidate;
            }
        }

        if (best < 0)
        {
            return -1;
        }

        if (!anyJoining)
        {
            // The common case changes one count: a one-entry dictionary without a builder (56 of the 400 bytes a weighted decision allocated).
            next = new PoolRotation { Name = pool.Key, LastRep = members[best].Rep.Id, Assignments = t, WeightedCounts = ImmutableDictionary<SalesRepId, long>.Empty.Add(members[best].Rep.Id, bestCount + 1) };
            return best;
        }

        // A rep new to a pool that already assigned leads joins at its fair share, w * t / W, recorded with this
        // choice, so it joins the schedule instead of taking a burst of leads to catch up. Nobody else's count changes.
        var changed = ImmutableDictionary.CreateBuilder<SalesRepId, long>();
        for (var i = 0; i < members.Length; i++)
        {
            if (!counts.ContainsKey(members[i].Rep.Id))
            {
                changed[members[i].Rep.Id] = JoinCount(pool.Weights[i], assignments, total);
            }
        }

        changed[members[best].Rep.Id] = bestCount + 1;
        next = new PoolRotation { Name = pool.Key, LastRep = members[best].Rep.Id, Assignments = t, WeightedCounts = changed.ToImmutable() };
        return best;
    }

    private static long JoinCount(long weight, long assignments, long total) => total == 0 ? 0 : weight * assignments / total;
}
