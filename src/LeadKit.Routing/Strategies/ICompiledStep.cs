using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>
/// A built-in step whose assigned decisions already carry the ledger change (the chosen rep's counters after
/// <see cref="Eligibility.Next"/> and, from a pool, the pool's rotation), built where the rep's entry is at hand.
/// </summary>
internal interface ICompiledStep
{
    /// <summary>
    /// Tells whether the step was compiled with <paramref name="eligibility"/>, i.e. by the plan asking, so its
    /// changes are exactly the ones the plan would compute.
    /// </summary>
    bool IsCompiledWith(Eligibility eligibility);
}
