using LeadKit.Abstractions.Assignment;
using LeadKit.Funnel.Assignment.Json;

namespace LeadKit.Funnel.Assignment;

/// <summary>
/// Holds the routing plan in use and replaces it atomically: every assignment uses either the old or the new plan,
/// never a mix, and a plan that failed to load never replaces the one in use.
/// </summary>
/// <remarks>Thread-safe. Plans sharing one <see cref="AssignmentState"/> keep counts and rotation across replacement.</remarks>
public sealed class RoutingPlanProvider : IAssignmentStrategy
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

    /// <inheritdoc />
    public string Name => Current.Name;

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

    /// <inheritdoc />
    public AssignmentResult Assign(in AssignmentContext context) => Volatile.Read(ref _current).Assign(context);
}
