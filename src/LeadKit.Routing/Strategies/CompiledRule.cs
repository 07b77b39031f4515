using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>A territory rule bound to the pool it routes to.</summary>
internal sealed class CompiledRule
{
    public required string Name { get; init; }

    public required RepPool Pool { get; init; }

    /// <summary>Gets the validated condition; <see langword="null"/> matches every lead.</summary>
    public FieldCondition? When { get; init; }

    public bool Matches(Lead lead) => When is null || When.Matches(lead);
}
