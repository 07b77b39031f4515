namespace LeadKit.Routing.Json;

/// <summary>The JSON shape of a routing step; which properties apply depends on <see cref="Kind"/>.</summary>
internal sealed class StepDocument
{
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Team { get; set; }

    public string? Selection { get; set; }

    public List<RuleDocument?>? Rules { get; set; }
}
