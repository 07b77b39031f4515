using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Assignment;

/// <summary>The outcome of routing one lead: the chosen sales rep, or an explicit "unassigned", with the reason.</summary>
/// <param name="RepId">The chosen rep, or <see langword="null"/> when nobody was eligible.</param>
/// <param name="Reason">Why this rep was chosen, or why nobody was.</param>
public sealed record AssignmentResult(SalesRepId? RepId, string Reason)
{
    /// <summary>Gets a value indicating whether a rep was chosen.</summary>
    public bool IsAssigned => RepId is not null;
}
