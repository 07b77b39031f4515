namespace LeadKit.Funnel.Assignment.Json;

/// <summary>One rep's counters in a snapshot.</summary>
internal sealed class RepSnapshot
{
    public required string Id { get; set; }

    public long Assigned { get; set; }

    public int Open { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public int AssignedInPeriod { get; set; }
}
