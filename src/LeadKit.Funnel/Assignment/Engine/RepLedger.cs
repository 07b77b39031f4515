namespace LeadKit.Funnel.Assignment.Engine;

/// <summary>One rep's counters. Guarded by <see cref="AssignmentState"/>'s lock; shared by every plan bound to the state.</summary>
internal sealed class RepLedger
{
    public long Assigned;
    public int Open;

    /// <summary>The <see cref="DateOnly.DayNumber"/> of the first day of the period <see cref="PeriodCount"/> counts; 0 = none yet.</summary>
    public int PeriodStart;
    public int PeriodCount;

    /// <summary>
    /// Gets a value indicating whether one more assignment would take a counter past its limit (open leads past
    /// <see cref="int.MaxValue"/>, the total past <see cref="AssignmentState.MaximumCount"/>): such a rep is not
    /// chosen by any step, so every increment is safe without checked arithmetic on the hot path.
    /// </summary>
    public bool IsFull => Open == int.MaxValue || Assigned >= AssignmentState.MaximumCount || PeriodCount == int.MaxValue;

    /// <summary>Records one assignment without a capacity period (the caller checked <see cref="IsFull"/> under the lock).</summary>
    public void Commit()
    {
        Assigned++;
        Open++;
        AssignmentState.CountRecorded();
    }
}
