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
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }
}

/// <summary>Validates <see cref="QualificationOptions"/> on start and on every change.</summary>
internal sealed class QualificationOptionsValidator : IValidateOptions<QualificationOptions>
{
    public ValidateOptionsResult Validate(string? name, QualificationOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }
}

/// <summary>A marker options type whose start-up validation checks every registered model.</summary>
internal sealed class ScoringStartupCheck;

/// <summary>
/// Fails start-up when a registered model has no valid definition (its rule set or code, or its thresholds over the
/// registered options), listing every problem with the model's name.
/// </summary>
internal sealed class ScoringStartupValidator(IScoringModelProvider provider) : IValidateOptions<ScoringStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, ScoringStartupCheck options)
    {
        var failures = new List<string>();
        foreach (var model in provider.Names)
        {
            var status = provider.GetStatus(model);
            if (!status.HasValue)
            {
                failures.AddRange(status.LastRejection!.Problems.Select(p => $"Scoring model '{model}': {p}"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
