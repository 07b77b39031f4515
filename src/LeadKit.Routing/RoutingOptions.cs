using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing.Json;

namespace LeadKit.Routing;

/// <summary>
/// How dependency injection builds the routing plan: either <see cref="ConfigurePlan"/> (a plan in code) or
/// <see cref="PlanJson"/> (a JSON document) over <see cref="Reps"/>. Exactly one of the two must be set.
/// </summary>
/// <remarks>
/// Validated at start-up (<c>ValidateOnStart</c>): the plan is built and every problem is reported. Each later change
/// of the options (e.g. <c>IOptionsMonitor</c> over a reloading configuration) builds the plan again; a plan with
/// problems is refused and the plan in use stays (see <see cref="RoutingPlanProvider.Status"/>).
/// </remarks>
public sealed class RoutingOptions
{
    /// <summary>Gets or sets the code that describes the plan (reps, teams, steps).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public Action<RoutingPlanBuilder>? ConfigurePlan { get; set; }

    /// <summary>Gets or sets a routing-plan document (see <see cref="RoutingPlanJson"/>).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? PlanJson { get; set; }

    /// <summary>Gets the reps a <see cref="PlanJson"/> document refers to.</summary>
    /// <value>Defaults to empty.</value>
    public IList<SalesRep> Reps { get; } = [];

    /// <summary>Builds the plan these options describe.</summary>
    /// <exception cref="ConfigurationException">The plan has problems.</exception>
    internal RoutingPlan BuildPlan(IAccountOwnerDirectory? owners)
    {
        if ((ConfigurePlan is null) == (PlanJson is null))
        {
            throw new ConfigurationException([new ConfigurationProblem(
                $"{nameof(RoutingOptions)}.{nameof(PlanJson)}",
                ConfigurePlan is null ? ConfigurationProblemCodes.Required : ConfigurationProblemCodes.Conflict,
                $"set exactly one of {nameof(ConfigurePlan)} and {nameof(PlanJson)} (both are {(ConfigurePlan is null ? "unset" : "set")})")]);
        }

        var builder = new RoutingPlanBuilder();
        if (ConfigurePlan is { } configure)
        {
            configure(builder);
            return builder.Build();
        }

        builder.AddReps(Reps);
        return RoutingPlanJson.Load(PlanJson ?? string.Empty, builder, owners).GetPlanOrThrow();
    }
}
