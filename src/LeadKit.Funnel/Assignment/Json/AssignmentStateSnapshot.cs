namespace LeadKit.Funnel.Assignment.Json;

/// <summary>The JSON shape of an <see cref="AssignmentState"/> snapshot.</summary>
internal sealed class AssignmentStateSnapshot
{
    public int Version { get; set; }

    public List<RepSnapshot> Reps { get; set; } = [];

    public List<PoolSnapshot> Pools { get; set; } = [];
}
