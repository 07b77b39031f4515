namespace LeadKit.Routing.Json;

/// <summary>The JSON shape of a routing plan (see docs/routing.md); validated by <see cref="RoutingPlanJson"/>.</summary>
internal sealed class RoutingPlanDocument
{
    public int? Version { get; set; }

    public PlanOptionsDocument? Options { get; set; }

    public List<TeamDocument?>? Teams { get; set; }

    public List<StepDocument?>? Steps { get; set; }
}
