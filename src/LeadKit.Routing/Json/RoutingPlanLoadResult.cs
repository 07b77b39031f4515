namespace LeadKit.Routing.Json;

/// <summary>The outcome of loading a routing plan from JSON: the plan, or every problem with its JSON path.</summary>
public sealed class RoutingPlanLoadResult
{
    internal RoutingPlanLoadResult(RoutingPlan? plan, IReadOnlyList<RoutingPlanError> errors)
    {
        Plan = plan;
        Errors = errors;
    }

    /// <summary>Gets the plan; <see langword="null"/> when the document had problems.</summary>
    public RoutingPlan? Plan { get; }

    /// <summary>Gets every problem found; empty on success.</summary>
    public IReadOnlyList<RoutingPlanError> Errors { get; }

    /// <summary>Gets a value indicating whether the plan loaded.</summary>
    public bool Succeeded => Plan is not null;
}
