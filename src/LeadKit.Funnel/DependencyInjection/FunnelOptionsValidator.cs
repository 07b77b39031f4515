using LeadKit.Funnel.Definitions;
using Microsoft.Extensions.Options;

namespace LeadKit.Funnel.DependencyInjection;

/// <summary>Validates <see cref="FunnelOptions"/> for the options system (and so for <c>ValidateOnStart</c>).</summary>
internal sealed class FunnelOptionsValidator : IValidateOptions<FunnelOptions>
{
    public ValidateOptionsResult Validate(string? name, FunnelOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
