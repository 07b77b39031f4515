namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>One stage change of a lead, keyed by (lead, version): never updated, and a version is never written twice.</summary>
internal sealed class FunnelHistoryRow
{
    public required string LeadId { get; set; }

    /// <summary>The lead's version after this change (1 for the first change).</summary>
    public long Version { get; set; }

    public required string FromStage { get; set; }

    public required string ToStage { get; set; }

    public required string Trigger { get; set; }

    public long OccurredAtUtcTicks { get; set; }

    public short OccurredAtOffsetMinutes { get; set; }

    public string? Actor { get; set; }

    public string? Reason { get; set; }

    public bool IsOverride { get; set; }
}
