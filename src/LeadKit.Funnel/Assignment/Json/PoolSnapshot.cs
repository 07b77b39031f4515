namespace LeadKit.Funnel.Assignment.Json;

/// <summary>One pool's rotation in a snapshot.</summary>
internal sealed class PoolSnapshot
{
    public required string Name { get; set; }

    public string? LastRep { get; set; }

    public long Assignments { get; set; }

    public List<WeightSnapshot> Weights { get; set; } = [];
}
