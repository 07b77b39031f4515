namespace LeadKit.Routing.Json;

/// <summary>The JSON shape of a territory rule.</summary>
internal sealed class RuleDocument
{
    public string? Name { get; set; }

    public ConditionDocument? When { get; set; }

    public string? Team { get; set; }

    public string? Selection { get; set; }
}
