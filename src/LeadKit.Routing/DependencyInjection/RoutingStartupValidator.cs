using Microsoft.Extensions.Options;

namespace LeadKit.Routing.DependencyInjection;

/// <summary>Fails start-up with every problem of every routing whose options gave no plan.</summary>
internal sealed class RoutingStartupValidator(RoutingPlanRegistry registry) : IValidateOptions<RoutingStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, RoutingStartupCheck options)
    {
        var failures = new List<string>();
        foreach (var routing in registry.Names)
        {
            var status = registry.Get(routing).Status;
            if (!status.HasValue)
            {
                foreach (var problem in status.LastRejection!.Problems)
                {
                    failures.Add($"{nameof(RoutingOptions)}[{status.Name}]: {problem}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
