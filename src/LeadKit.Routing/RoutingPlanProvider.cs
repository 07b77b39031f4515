using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Json;

namespace LeadKit.Routing;

/// <summary>
/// Holds the routing plan in use and replaces it atomically: every decision uses either the old or the new plan,
/// never a mix, and a plan that failed to load never replaces the one in use.
/// </summary>
/// <remarks>Thread-safe. Plans hold no counters: a replacement continues the ledger's counts and rotation (pools are keyed by name).</remarks>
public sealed class RoutingPlanProvider
{
    private RoutingPlan _current;

    /// <summary>Creates a provider.</summary>
    /// <param name="initial">The plan to start with.</param>
    public RoutingPlanProvider(RoutingPlan initial)
    {
        _current = initial ?? throw new ArgumentNullException(nameof(initial));
    }

    /// <summary>Gets the plan in use.</summary>
    public RoutingPlan Current => Volatile.Read(ref _current);

    /// <summary>Replaces the plan in use.</summary>
    /// <param name="plan">The new plan.</param>
    public void Replace(RoutingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Volatile.Write(ref _current, plan);
    }

    /// <summary>Replaces the plan in use with a loaded plan, only if it loaded without problems.</summary>
    /// <param name="loaded">The outcome of <see cref="RoutingPlanJson.Load"/>.</param>
    /// <returns><see langword="true"/> when replaced; otherwise the plan in use stays.</returns>
    public bool TryReplace(RoutingPlanLoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (loaded.Plan is not { } plan)
        {
            return false;
        }

        Replace(plan);
        return true;
    }
}
