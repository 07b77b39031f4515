namespace LeadKit.Routing.Json;

/// <summary>The JSON shape of a territory rule's conditions (all must hold; an absent list means "any").</summary>
internal sealed class ConditionDocument
{
    public List<string?>? Countries { get; set; }

    public List<string?>? Regions { get; set; }

    public List<string?>? Industries { get; set; }

    public int? MinEmployees { get; set; }

    public int? MaxEmployees { get; set; }

    public List<string?>? Sources { get; set; }

    public List<string?>? Languages { get; set; }

    public List<string?>? Products { get; set; }
}
