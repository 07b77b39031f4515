using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Assignment;

/// <summary>A rep that a step passed over, and why.</summary>
/// <param name="RepId">The rep.</param>
/// <param name="Step">The step that passed the rep over.</param>
/// <param name="Reason">Why.</param>
public readonly record struct SkippedRep(SalesRepId RepId, string Step, RepSkipReason Reason);
