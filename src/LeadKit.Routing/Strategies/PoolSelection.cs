using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>How a pool picks one eligible member: one subclass per <see cref="RepSelection"/>, each in its own file.</summary>
internal abstract class PoolSelection
{
    public abstract RepSelection Kind { get; }

    public static PoolSelection For(RepSelection selection) => selection switch
    {
        RepSelection.WeightedRoundRobin => WeightedRoundRobinSelection.Instance,
        RepSelection.LoadBalancing => LeastLoadedSelection.Instance,
        _ => RoundRobinSelection.Instance,
    };

    /// <summary>Picks a member from the snapshot; returns its index and the pool's rotation after the choice, or -1.</summary>
    public abstract int Select(RepPool pool, in RoutingContext context, PoolRotation? rotation, string step, out PoolRotation? next);
}
