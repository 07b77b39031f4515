namespace LeadKit.Abstractions.Routing;

/// <summary>
/// Chooses the sales rep for a lead. Every built-in routing step (round robin, weighted round robin, load balancing,
/// territory rules, account ownership, the whole routing plan) and every plugin implement this same contract.
/// </summary>
/// <remarks>
/// Deciding is pure: read <see cref="RoutingContext.Ledger"/>, change nothing; the plan turns the decision into the
/// ledger change that a store records (and that counts a plugin's choice exactly like a built-in's). Implementations
/// must be thread-safe. A strategy that finds nobody eligible returns
/// <see cref="RoutingDecision.Unassigned(UnassignedReason, string?)"/> instead of throwing, and it writes to
/// <see cref="RoutingContext.Explanation"/> only when the caller asked for an explanation.
/// </remarks>
public interface IRoutingStrategy
{
    /// <summary>Gets the strategy's name, shown in decisions and explanations as the step that decided.</summary>
    string Name { get; }

    /// <summary>Chooses a rep for a lead from the context's ledger snapshot.</summary>
    /// <param name="context">The lead, the moment, the ledger snapshot and the optional explanation to fill.</param>
    /// <returns>The chosen rep, or an unassigned decision with the reason.</returns>
    RoutingDecision Decide(in RoutingContext context);
}
