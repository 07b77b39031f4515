namespace LeadKit.Funnel.State;

/// <summary>What happened when a trigger was fired.</summary>
/// <remarks>
/// No value that means success is the default: <c>default(FireResult)</c>, which no operation returns, reads as
/// <see cref="Unset"/>, never as <see cref="Accepted"/>.
/// </remarks>
public enum FireOutcome
{
    /// <summary>Not an outcome: the value of a <c>default</c> <see cref="FireResult"/>, which no operation returns.</summary>
    Unset = 0,

    /// <summary>The transition was made; the result holds the new state.</summary>
    Accepted = 1,

    /// <summary>
    /// The trigger is permitted from the current stage but a guard or requirement was not met (an unmet
    /// qualification guard, a missing reason on a backward edge, a blank actor or reason, an unauthorised override).
    /// Nothing changed.
    /// </summary>
    Refused = 2,

    /// <summary>The trigger is not permitted from the current stage (or the stage is terminal). Nothing changed.</summary>
    Invalid = 3,

    /// <summary>The transition was based on a stale version: another writer changed the lead first. Nothing changed.</summary>
    Conflict = 4,
}
