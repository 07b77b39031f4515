namespace LeadKit.Routing.Json;

/// <summary>The JSON shape of a team: its id and member rep ids in rotation order.</summary>
internal sealed class TeamDocument
{
    public string? Id { get; set; }

    public List<string?>? Members { get; set; }
}
