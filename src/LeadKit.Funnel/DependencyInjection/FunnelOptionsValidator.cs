using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Funnel.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadKit.Funnel.DependencyInjection;

/// <summary>
/// Validates <see cref="FunnelOptions"/> for the options system (and so for <c>ValidateOnStart</c>): the options
/// themselves and, with qualification guards on, that the scoring model they name is registered.
/// </summary>
internal sealed class FunnelOptionsValidator(IServiceProvider services) : IValidateOptions<FunnelOptions>
{
    public ValidateOptionsResult Validate(string? name, FunnelOptions options)
    {
        var problems = new List<string>(options.Validate().Select(static p => p.Message));
        if (problems.Count == 0 && options.UseQualificationGuards && services.GetKeyedService<DefaultFunnelRegistration>(name ?? Options.DefaultName) is not null
            && !IsRegistered(options.QualificationModel))
        {
            problems.Add(MissingModel(options.QualificationModel));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Says what is missing and the three ways to fix it.</summary>
    internal static string MissingModel(string model)
        => $"FunnelOptions.QualificationModel is '{model}', but no scoring model is registered under that name (a keyed ILeadScorer and IQualificationPolicy), "
            + $"so the funnel's qualify transitions would have no qualification guard. Register the model (AddLeadKitScoring or AddLeadKitScoringRuleSet(\"{model}\", ...)), "
            + "set FunnelOptions.QualificationModel to the name of the scoring model you registered, "
            + "or set FunnelOptions.UseQualificationGuards = false to run the funnel without qualification guards.";

    private bool IsRegistered(string model)
    {
        // Asks the container without resolving (and so without compiling) the model; a container that cannot tell resolves.
        if (services.GetService<IServiceProviderIsKeyedService>() is { } keyed)
        {
            return keyed.IsKeyedService(typeof(ILeadScorer), model) && keyed.IsKeyedService(typeof(IQualificationPolicy), model);
        }

        return services.GetKeyedService<ILeadScorer>(model) is not null && services.GetKeyedService<IQualificationPolicy>(model) is not null;
    }
}
