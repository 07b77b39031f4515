namespace LeadKit.Abstractions.Assignment;

/// <summary>
/// Chooses the sales rep for a lead. Every built-in routing step (round robin, weighted round robin, load balancing,
/// territory rules, account ownership, the whole routing plan) and every plugin implement this same contract.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe: one instance routes leads from many threads at once. A strategy that finds
/// nobody eligible returns <see cref="AssignmentResult.Unassigned(UnassignedReason, string?)"/> instead of throwing,
/// and it writes to <see cref="AssignmentContext.Explanation"/> only when the caller asked for an explanation.
/// </remarks>
public interface IAssignmentStrategy
{
    /// <summary>Gets the strategy's name, shown in results and explanations as the step that decided.</summary>
    string Name { get; }

    /// <summary>Chooses a rep for a lead and records the assignment in the strategy's state.</summary>
    /// <param name="context">The lead, the moment of assignment and the optional explanation to fill.</param>
    /// <returns>The chosen rep, or an unassigned result with the reason.</returns>
    AssignmentResult Assign(in AssignmentContext context);
}
