namespace LeadKit.Abstractions.Routing;

/// <summary>Why a candidate rep was passed over.</summary>
public enum RepSkipReason
{
    /// <summary>Not skipped.</summary>
    None = 0,

    /// <summary>The rep is not active (does not take leads).</summary>
    Inactive,

    /// <summary>The rep is out of office at the moment of assignment.</summary>
    OutOfOffice,

    /// <summary>The moment of assignment is outside the rep's working hours (in the rep's time zone).</summary>
    OutsideWorkingHours,

    /// <summary>The rep already has their maximum number of open leads.</summary>
    OpenLeadCapacityReached,

    /// <summary>The rep already received their maximum number of new leads in the current period.</summary>
    PeriodCapacityReached,

    /// <summary>The rep's territories, segments, languages or products do not cover the lead.</summary>
    AttributesNotCovered,

    /// <summary>A filter supplied by the application excluded the rep.</summary>
    ExcludedByFilter,

    /// <summary>The rep is not known to the routing plan (e.g. an account owner who is not one of its reps).</summary>
    Unknown,

    /// <summary>
    /// One of the rep's counters is at its limit (open leads at <see cref="int.MaxValue"/>, or the total assigned
    /// at the ledger's maximum): the rep takes no more leads until leads are released, so no counter ever wraps.
    /// </summary>
    CounterLimitReached,
}
