namespace LeadKit.Funnel.Assignment.Engine;

/// <summary>One rep's counters. Guarded by <see cref="AssignmentState"/>'s lock; shared by every plan bound to the state.</summary>
internal sealed class RepLedger
{
    public long Assigned;
    public int Open;

    /// <summary>The <see cref="DateOnly.DayNumber"/> of the first day of the period <see cref="PeriodCount"/> counts; 0 = none yet.</summary>
    public int PeriodStart;
    public int PeriodCount;
}
