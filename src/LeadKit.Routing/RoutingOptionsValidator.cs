using LeadKit.Abstractions.Configuration;
using Microsoft.Extensions.Options;

namespace LeadKit.Routing;

/// <summary>Checks <see cref="RoutingOptions"/> by building the plan, so start-up fails with every problem.</summary>
internal sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        if ((options.ConfigurePlan is null) == (options.PlanJson is null))
        {
            return ValidateOptionsResult.Fail(
                $"Set exactly one of {nameof(RoutingOptions)}.{nameof(RoutingOptions.ConfigurePlan)} and {nameof(RoutingOptions)}.{nameof(RoutingOptions.PlanJson)} " +
                $"(ConfigurePlan is {(options.ConfigurePlan is null ? "null" : "set")}, PlanJson is {(options.PlanJson is null ? "null" : "set")}).");
        }

        try
        {
            // Account-ownership steps in code carry their own directory; for JSON a stand-in checks the rest.
            options.BuildPlan(NoAccountOwners.Instance);
            return ValidateOptionsResult.Success;
        }
        catch (ConfigurationException ex)
        {
            var failures = new List<string>(ex.Problems.Length);
            foreach (var problem in ex.Problems)
            {
                failures.Add($"{nameof(RoutingOptions)}: {problem}");
            }

            return ValidateOptionsResult.Fail(failures);
        }
    }
}
