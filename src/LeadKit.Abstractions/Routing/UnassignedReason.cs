namespace LeadKit.Abstractions.Routing;

/// <summary>Why a strategy chose nobody.</summary>
public enum UnassignedReason
{
    /// <summary>Not unassigned: a rep was chosen.</summary>
    None = 0,

    /// <summary>The step does not apply to this lead (no account, no matching rule, no rep covering its attributes).</summary>
    NotApplicable,

    /// <summary>The step applied, but every candidate rep was inactive, unavailable or at capacity.</summary>
    NoEligibleRep,

    /// <summary>
    /// A rep was chosen, but the ledger changed before the choice could be recorded, on every attempt the router made
    /// (heavy contention on a shared ledger): nothing was recorded; route the lead again later.
    /// </summary>
    Conflict,
}
