using LeadKit.Abstractions.Leads;

namespace LeadKit.Abstractions.Assignment;

/// <summary>Chooses the sales rep for a lead. Built-in strategies and plugins implement the same contract.</summary>
public interface IAssignmentStrategy
{
    /// <summary>Gets the strategy's name, shown in explanations.</summary>
    string Name { get; }

    /// <summary>Chooses a rep for a lead.</summary>
    /// <param name="lead">The lead to route.</param>
    /// <param name="asOf">The moment of the assignment (for availability and per-period capacity).</param>
    /// <returns>The chosen rep, or an unassigned result with the reason.</returns>
    AssignmentResult Assign(Lead lead, DateTimeOffset asOf);
}
