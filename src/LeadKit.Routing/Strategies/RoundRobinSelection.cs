using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>Strict rotation in member order: the next eligible member after the last one chosen (see <see cref="RepSelection.RoundRobin"/>).</summary>
internal sealed class RoundRobinSelection : PoolSelection
{
    public static RoundRobinSelection Instance { get; } = new();

    public override RepSelection Kind => RepSelection.RoundRobin;

    public override string JsonName => "roundRobin";

    public override int Select(RepPool pool, in RoutingContext context, PoolRotation? rotation, string step, out RepCounters counters, out PoolRotation? next)
    {
        var count = pool.Members.Length;
        var start = pool.StartIndex(rotation);
        for (var k = 0; k < count; k++)
        {
            var i = start + k;
            if (i >= count)
            {
                i -= count;
            }

            if (pool.IsEligible(i, context, step, out counters))
            {
                next = pool.Rotated(rotation, i);
                return i;
            }
        }

        counters = default;
        next = null;
        return -1;
    }
}
