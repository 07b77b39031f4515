namespace LeadKit.Routing.Json;

/// <summary>The JSON shape of <see cref="RoutingPlanOptions"/>.</summary>
internal sealed class PlanOptionsDocument
{
    public string? Name { get; set; }

    public bool? RespectAvailability { get; set; }

    public bool? EnforceOpenLeadCapacity { get; set; }

    public string? CapacityPeriod { get; set; }

    public string? DefaultQueue { get; set; }

    public string? ProductField { get; set; }
}
