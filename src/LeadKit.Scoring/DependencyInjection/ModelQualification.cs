using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Temperatures;
using Microsoft.Extensions.Options;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>
/// The qualification policy and temperature classifier of one registered model: the rule set's own thresholds (its
/// <c>thresholds</c> object) applied over the registered <see cref="QualificationOptions"/> and
/// <see cref="TemperatureOptions"/>. Every keyed service of the model (policy, classifier, assessor) reads them from
/// here, so a funnel guard and an assessor of the same model decide alike. Thread-safe.
/// </summary>
/// <remarks>
/// Follows the model's rule set: when its JSON changes the thresholds are derived again; a rejected document keeps the
/// thresholds in use, as <see cref="IScoringModelProvider"/> keeps the model in use.
/// </remarks>
internal sealed class ModelQualification(
    string name,
    IOptionsMonitor<ScoringModelOptions> models,
    IOptions<QualificationOptions> qualification,
    IOptions<TemperatureOptions> temperature,
    TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private volatile Snapshot? _current;

    public DefaultQualificationPolicy Policy => Current().Policy;

    public TemperatureClassifier Classifier => Current().Classifier;

    /// <summary>Derives the thresholds once, to fail start-up (rather than the first lead) when they do not fit the options.</summary>
    public IReadOnlyList<string> Check()
    {
        if (models.Get(name).RuleSetJson is { } json && !ScoringRuleSet.TryParse(json, timeProvider, out _, out _))
        {
            // An invalid document is reported (with every problem) by the model's own start-up check.
            return [];
        }

        try
        {
            Current();
            return [];
        }
        catch (OptionsValidationException)
        {
            // Invalid qualification or temperature options are reported, every problem, by their own start-up validation.
            return [];
        }
        catch (ScoringConfigurationException ex)
        {
            return [.. ex.Problems.Select(p => $"Scoring model '{name}' thresholds: {p}")];
        }
    }

    private Snapshot Current()
    {
        var json = models.Get(name).RuleSetJson;
        var current = _current;
        if (current is not null && ReferenceEquals(current.Json, json))
        {
            return current;
        }

        lock (_gate)
        {
            current = _current;
            if (current is not null && (ReferenceEquals(current.Json, json) || string.Equals(current.Json, json, StringComparison.Ordinal)))
            {
                // The same document read again (e.g. a reloaded file): remember this instance so the next look-up is a reference check.
                return _current = current with { Json = json };
            }

            RuleSetThresholds thresholds;
            if (json is null)
            {
                thresholds = RuleSetThresholds.None;
            }
            else if (ScoringRuleSet.TryParse(json, timeProvider, out var ruleSet, out var problems))
            {
                thresholds = ruleSet!.Thresholds;
            }
            else if (current is not null)
            {
                // Rejected: keep the thresholds in use (the provider keeps the model in use) and do not parse this text again.
                return _current = current with { Json = json };
            }
            else
            {
                throw new ScoringConfigurationException(problems);
            }

            return _current = new Snapshot(
                json,
                new DefaultQualificationPolicy(thresholds.ApplyTo(OptionsCopy.Of(qualification.Value))),
                new TemperatureClassifier(thresholds.ApplyTo(OptionsCopy.Of(temperature.Value))));
        }
    }

    private sealed record Snapshot(string? Json, DefaultQualificationPolicy Policy, TemperatureClassifier Classifier);
}

/// <summary>A model's qualification policy as a service: always the model's current thresholds.</summary>
internal sealed class ModelQualificationPolicy(ModelQualification model) : IQualificationPolicy, IThresholdExplainer
{
    public QualificationResult Qualify(Lead lead, LeadScore score, DateTimeOffset asOf) => model.Policy.Qualify(lead, score, asOf);

    public void AddDistances(Lead lead, LeadScore score, DateTimeOffset asOf, ICollection<ThresholdDistance> distances)
        => model.Policy.AddDistances(lead, score, asOf, distances);
}

/// <summary>A model's temperature classifier as a service: always the model's current thresholds.</summary>
internal sealed class ModelTemperatureClassifier(ModelQualification model) : ITemperatureClassifier, IThresholdExplainer
{
    public Temperature Classify(Lead lead, LeadScore score, DateTimeOffset asOf) => model.Classifier.Classify(lead, score, asOf);

    public void AddDistances(Lead lead, LeadScore score, DateTimeOffset asOf, ICollection<ThresholdDistance> distances)
        => model.Classifier.AddDistances(lead, score, asOf, distances);
}

/// <summary>Fails start-up when a model's thresholds do not fit the registered options.</summary>
internal sealed class ModelThresholdsStartupValidator(IServiceProvider services, ScoringModelRegistry registry) : IValidateOptions<ScoringStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, ScoringStartupCheck options)
    {
        var failures = new List<string>();
        foreach (var model in registry.Names)
        {
            failures.AddRange(Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<ModelQualification>(services, model).Check());
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
