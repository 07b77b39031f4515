using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Routing;

/// <summary>A rep that a step passed over, and why.</summary>
public readonly record struct SkippedRep
{
    /// <summary>Gets the rep.</summary>
    public required SalesRepId RepId { get; init; }

    /// <summary>Gets the step that passed the rep over.</summary>
    public required string Step { get; init; }

    /// <summary>Gets why.</summary>
    public required RepSkipReason Reason { get; init; }
}
