namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>One rep's routing counters (the stored form of <c>RepCounters</c>).</summary>
internal sealed class RoutingRepRow
{
    public required string RepId { get; set; }

    public long Assigned { get; set; }

    public int Open { get; set; }

    /// <summary>The capacity period's first day as <see cref="DateOnly.DayNumber"/>, or <see langword="null"/> before the first counted assignment.</summary>
    public int? PeriodStartDayNumber { get; set; }

    public int AssignedInPeriod { get; set; }
}
