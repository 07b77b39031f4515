using Microsoft.Extensions.Options;

namespace LeadKit.Funnel.Assignment;

/// <summary>Checks <see cref="AssignmentOptions"/> by building the plan against a scratch state, so start-up fails with every problem.</summary>
internal sealed class AssignmentOptionsValidator : IValidateOptions<AssignmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AssignmentOptions options)
    {
        if ((options.ConfigurePlan is null) == (options.PlanJson is null))
        {
            return ValidateOptionsResult.Fail(
                $"Set exactly one of {nameof(AssignmentOptions)}.{nameof(AssignmentOptions.ConfigurePlan)} and {nameof(AssignmentOptions)}.{nameof(AssignmentOptions.PlanJson)} " +
                $"(ConfigurePlan is {(options.ConfigurePlan is null ? "null" : "set")}, PlanJson is {(options.PlanJson is null ? "null" : "set")}).");
        }

        try
        {
            // Account-ownership steps in code carry their own directory; for JSON a stand-in checks the rest.
            options.BuildPlan(new AssignmentState(), NoAccountOwners.Instance);
            return ValidateOptionsResult.Success;
        }
        catch (RoutingPlanException ex)
        {
            var failures = new List<string>(ex.Errors.Count);
            foreach (var error in ex.Errors)
            {
                failures.Add($"{nameof(AssignmentOptions)}: {error}");
            }

            return ValidateOptionsResult.Fail(failures);
        }
    }
}
