namespace LeadKit.Abstractions.Routing;

/// <summary>One step that ran while routing a lead, and what it concluded.</summary>
public readonly record struct RoutingStepRecord
{
    /// <summary>Gets the step's name.</summary>
    public required string Step { get; init; }

    /// <summary>Gets what it concluded, in words (e.g. "rule 'dach-enterprise' matched; routing to pool 'team:emea/RoundRobin'").</summary>
    public required string Outcome { get; init; }
}
