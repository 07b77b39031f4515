namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>A lead's current funnel state: one row per lead, moved by each committed transition.</summary>
internal sealed class FunnelLeadRow
{
    public required string LeadId { get; set; }

    public required string InitialStage { get; set; }

    public long StartedAtUtcTicks { get; set; }

    public short StartedAtOffsetMinutes { get; set; }

    public required string Stage { get; set; }

    /// <summary>The number of stage changes so far; the version a commit checks.</summary>
    public long Version { get; set; }

    public long EnteredAtUtcTicks { get; set; }

    public short EnteredAtOffsetMinutes { get; set; }
}
