namespace LeadKit.Abstractions.Routing;

/// <summary>One rep's counters in a routing ledger: plain values, so any store (memory, a database row) can hold them.</summary>
/// <remarks>The default value is a rep never assigned: every counter zero and no period.</remarks>
public readonly record struct RepCounters
{
    /// <summary>Gets the leads assigned to the rep in total, 0 to <see cref="RoutingLedgerSnapshot.MaximumCount"/>.</summary>
    public long Assigned { get => field; init => field = value is >= 0 and <= RoutingLedgerSnapshot.MaximumCount ? value : throw new ArgumentOutOfRangeException(nameof(Assigned), value, "Assigned must be 0 to RoutingLedgerSnapshot.MaximumCount."); }

    /// <summary>Gets the leads the rep currently holds (assigned and not yet released); not negative.</summary>
    public int Open { get => field; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Open), value, "Open must not be negative."); }

    /// <summary>
    /// Gets the first day of the capacity period <see cref="AssignedInPeriod"/> counts, or <see langword="null"/> before
    /// the first counted assignment. Periods are counted only for reps with a <see cref="Sales.SalesRep.MaxNewLeadsPerPeriod"/>.
    /// </summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>Gets the leads assigned to the rep in that period; not negative.</summary>
    public int AssignedInPeriod { get => field; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(AssignedInPeriod), value, "AssignedInPeriod must not be negative."); }

    /// <summary>
    /// Gets a value indicating whether one more assignment would take a counter past its limit (open leads or the
    /// period count at <see cref="int.MaxValue"/>, the total at <see cref="RoutingLedgerSnapshot.MaximumCount"/>): such a
    /// rep is chosen by no step, so no counter ever wraps.
    /// </summary>
    public bool IsFull => Open == int.MaxValue || Assigned >= RoutingLedgerSnapshot.MaximumCount || AssignedInPeriod == int.MaxValue;
}
