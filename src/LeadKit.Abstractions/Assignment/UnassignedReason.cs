namespace LeadKit.Abstractions.Assignment;

/// <summary>Why a strategy chose nobody.</summary>
public enum UnassignedReason
{
    /// <summary>Not unassigned: a rep was chosen.</summary>
    None = 0,

    /// <summary>The step does not apply to this lead (no account, no matching rule, no rep covering its attributes).</summary>
    NotApplicable,

    /// <summary>The step applied, but every candidate rep was inactive, unavailable or at capacity.</summary>
    NoEligibleRep,
}
