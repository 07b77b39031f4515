using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>
/// A built-in step whose assigned decisions come from pools that already built the ledger change (the chosen
/// member's counters after <see cref="Eligibility.Next"/> and the pool's rotation).
/// </summary>
internal interface IPlanPoolStep
{
    /// <summary>
    /// Tells whether the step's pools were compiled with <paramref name="eligibility"/>, i.e. by the plan asking, so
    /// their changes are exactly the ones the plan would compute.
    /// </summary>
    bool IsCompiledWith(Eligibility eligibility);
}
