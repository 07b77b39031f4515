namespace LeadKit.Funnel.Assignment.Json;

/// <summary>One rep's current weight in a weighted pool.</summary>
internal sealed class WeightSnapshot
{
    public required string Rep { get; set; }

    public long Current { get; set; }
}
