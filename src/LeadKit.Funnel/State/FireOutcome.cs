namespace LeadKit.Funnel.State;

/// <summary>What happened when a trigger was fired.</summary>
public enum FireOutcome
{
    /// <summary>The transition was made; the result holds the new state.</summary>
    Accepted = 0,

    /// <summary>
    /// The trigger is permitted from the current stage but a guard or requirement was not met (an unmet
    /// qualification guard, a missing reason on a backward edge, an unauthorised override). Nothing changed.
    /// </summary>
    Refused,

    /// <summary>The trigger is not permitted from the current stage (or the stage is terminal). Nothing changed.</summary>
    Invalid,

    /// <summary>The transition was based on a stale version: another writer changed the lead first. Nothing changed.</summary>
    Conflict,
}
