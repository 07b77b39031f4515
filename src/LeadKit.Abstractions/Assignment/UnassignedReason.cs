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

    /// <summary>A chain tried every step and none chose a rep (each step's own reason is in the explanation).</summary>
    NoStepAssigned,
}
