using System.Collections.Immutable;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Routing.Json;

/// <summary>The outcome of loading a routing plan from JSON: the plan, or every problem with its JSON path and code.</summary>
public sealed class RoutingPlanLoadResult
{
    /// <summary>Gets the plan; <see langword="null"/> when the document had problems.</summary>
    public RoutingPlan? Plan { get; init; }

    /// <summary>Gets every problem found, in document order; empty on success.</summary>
    public ImmutableArray<ConfigurationProblem> Problems { get; init; } = [];

    /// <summary>Gets a value indicating whether the plan loaded.</summary>
    public bool Succeeded => Plan is not null;

    /// <summary>Returns the plan, or throws with every problem.</summary>
    /// <returns>The plan.</returns>
    /// <exception cref="ConfigurationException">The document had problems; <see cref="ConfigurationException.Problems"/> lists them.</exception>
    public RoutingPlan GetPlanOrThrow() => Plan ?? throw new ConfigurationException(Problems);
}
