using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Temperatures;
using Microsoft.Extensions.Options;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>Validates <see cref="TemperatureOptions"/> on start and on every change.</summary>
internal sealed class TemperatureOptionsValidator : IValidateOptions<TemperatureOptions>
{
    public ValidateOptionsResult Validate(string? name, TemperatureOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Validates <see cref="QualificationOptions"/> on start and on every change.</summary>
internal sealed class QualificationOptionsValidator : IValidateOptions<QualificationOptions>
{
    public ValidateOptionsResult Validate(string? name, QualificationOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>A marker options type whose start-up validation compiles every registered model.</summary>
internal sealed class ScoringStartupCheck;

/// <summary>Fails start-up when a registered model's first definition is invalid, listing every problem.</summary>
internal sealed class ScoringStartupValidator(IScoringModelProvider provider, ScoringModelRegistry registry) : IValidateOptions<ScoringStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, ScoringStartupCheck options)
    {
        var failures = new List<string>();
        foreach (var model in registry.Names)
        {
            try
            {
                provider.GetModel(model);
            }
            catch (Model.ScoringConfigurationException ex)
            {
                failures.AddRange(ex.Problems.Select(p => $"Scoring model '{model}': {p}"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
