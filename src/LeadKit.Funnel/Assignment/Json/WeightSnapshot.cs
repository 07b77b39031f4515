namespace LeadKit.Funnel.Assignment.Json;

/// <summary>One rep's lead count in a weighted pool.</summary>
internal sealed class WeightSnapshot
{
    public required string Rep { get; set; }

    public long Count { get; set; }
}
