using System.Collections.Immutable;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>
/// How a pool picks one eligible member: one subclass per <see cref="RepSelection"/>, each in its own file, listed once
/// in <see cref="All"/>. Each owns its JSON name and what it needs of the members, so the JSON reader and the plan
/// compiler have no switch a new selection could miss.
/// </summary>
internal abstract class PoolSelection
{
    /// <summary>Gets every selection, in <see cref="RepSelection"/> order.</summary>
    public static ImmutableArray<PoolSelection> All { get; } =
        [RoundRobinSelection.Instance, WeightedRoundRobinSelection.Instance, LeastLoadedSelection.Instance];

    /// <summary>Gets the enum value that chooses this selection.</summary>
    public abstract RepSelection Kind { get; }

    /// <summary>Gets the selection's name in routing-plan JSON (<c>"selection": "…"</c>).</summary>
    public abstract string JsonName { get; }

    /// <summary>Gets the names a routing plan may give, for error messages: <c>roundRobin, weightedRoundRobin or …</c>.</summary>
    public static string JsonNames { get; } =
        string.Join(", ", All[..^1].Select(s => s.JsonName)) + " or " + All[^1].JsonName;

    /// <summary>Gets the selection of <paramref name="selection"/>; round robin for an undefined value (reported by the caller).</summary>
    public static PoolSelection For(RepSelection selection)
    {
        foreach (var candidate in All)
        {
            if (candidate.Kind == selection)
            {
                return candidate;
            }
        }

        return RoundRobinSelection.Instance;
    }

    /// <summary>Finds the selection a routing plan names, by its <see cref="JsonName"/> (exact, as JSON keywords are).</summary>
    public static PoolSelection? FromJsonName(string name)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.JsonName, name, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Checks that a pool's members can be chosen this way when the plan is built; returns a problem message, or
    /// <see langword="null"/> when they can. Most selections need nothing.
    /// </summary>
    public virtual string? CheckMembers(ReadOnlySpan<RepEntry> members) => null;

    /// <summary>
    /// Picks a member from the snapshot; returns its index, its counters as read (so the change needs no second
    /// look-up) and the pool's rotation after the choice, or -1.
    /// </summary>
    public abstract int Select(RepPool pool, in RoutingContext context, PoolRotation? rotation, string step, out RepCounters counters, out PoolRotation? next);
}
