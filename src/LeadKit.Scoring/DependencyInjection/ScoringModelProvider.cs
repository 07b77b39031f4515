using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.Temperatures;
using LeadKit.Shared;
using Microsoft.Extensions.Options;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>
/// One <see cref="ReloadableEntry{TValue}"/> per registered model, fed by its named <see cref="ScoringModelOptions"/>:
/// each definition is compiled with its thresholds when the provider is built and again on every change; a rejected
/// one keeps the previous model (and thresholds) in use and is reported by the event, the status and the counter.
/// </summary>
internal sealed class ScoringModelProvider : IScoringModelProvider, IDisposable
{
    private readonly IScoringRule[] _registeredRules;
    private readonly IOptions<QualificationOptions> _qualification;
    private readonly IOptions<TemperatureOptions> _temperature;
    private readonly TimeProvider _timeProvider;
    private readonly IMeterFactory? _meterFactory;
    private readonly ReloadableRegistry<ScoringModelSnapshot> _registry;
    private readonly Dictionary<string, ReloadingScorer> _scorers = new(StringComparer.Ordinal);

    public ScoringModelProvider(
        IOptionsMonitor<ScoringModelOptions> options,
        IEnumerable<IScoringRule> registeredRules,
        IOptions<QualificationOptions> qualification,
        IOptions<TemperatureOptions> temperature,
        TimeProvider timeProvider,
        RegisteredNames<ScoringModelOptions> names,
        ScoringTelemetry telemetry)
    {
        _registeredRules = [.. registeredRules];
        _qualification = qualification;
        _temperature = temperature;
        _timeProvider = timeProvider;
        _meterFactory = telemetry.MeterFactory;
        _registry = new ReloadableRegistry<ScoringModelSnapshot>(new ReloadableRegistryOptions
        {
            TimeProvider = timeProvider,
            Meter = telemetry.Meter,
            CounterName = "leadkit.scoring.model_reloads",
            NameTag = "leadkit.model",
            ActivitySource = ScoringTelemetry.ActivitySource,
            ActivityName = "leadkit.scoring.model_reload",
        });
        _registry.Rejected += (_, e) => ModelRejected?.Invoke(this, e);
        foreach (var name in names.Names)
        {
            var entry = _registry.Add(name, new OptionsMonitorReloadSource<ScoringModelOptions>(options, name), (o, problems) => Build(name, o, problems));
            _scorers.Add(name, new ReloadingScorer(entry));
        }
    }

    public event EventHandler<ReloadRejectedEventArgs>? ModelRejected;

    public IReadOnlyCollection<string> Names => _scorers.Keys;

    public ScoringModel GetModel(string name) => Entry(name).Value.Model;

    public ILeadScorer GetScorer(string name) => Scorer(name);

    public ReloadStatus GetStatus(string name) => Entry(name).Status;

    public void Dispose() => _registry.Dispose();

    /// <summary>The entry of a registered model (the keyed policy and classifier read its value).</summary>
    internal ReloadableEntry<ScoringModelSnapshot> Entry(string name) => Scorer(name).Entry;

    private ReloadingScorer Scorer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _scorers.TryGetValue(name, out var scorer)
            ? scorer
            : throw new KeyNotFoundException("No scoring model is registered under that name; register it with AddLeadKitScoring.");
    }

    private ScoringModelSnapshot? Build(string name, ScoringModelOptions options, ICollection<ConfigurationProblem> problems)
    {
        var model = Compile(name, options, out var thresholds, problems);
        if (model is null)
        {
            return null;
        }

        var qualification = ReadOptions(_qualification, nameof(QualificationOptions), problems);
        var temperature = ReadOptions(_temperature, nameof(TemperatureOptions), problems);
        if (qualification is null || temperature is null)
        {
            return null;
        }

        // Copies: the rule set's thresholds apply to this model only. Problems (thresholds that do not fit the
        // options) throw ConfigurationException, which the entry records as this definition's rejection.
        return new ScoringModelSnapshot(
            model,
            new DefaultQualificationPolicy(thresholds.ApplyTo(OptionsCopy.Of(qualification))),
            new TemperatureClassifier(thresholds.ApplyTo(OptionsCopy.Of(temperature))));
    }

    private static T? ReadOptions<T>(IOptions<T> options, string optionsName, ICollection<ConfigurationProblem> problems)
        where T : class
    {
        try
        {
            return options.Value;
        }
        catch (OptionsValidationException)
        {
            // The options' own start-up validation lists each of their problems; here the model only says why it is not built.
            problems.Add(new ConfigurationProblem(optionsName, ConfigurationProblemCodes.InvalidValue, "the options are invalid, so the model's thresholds cannot be applied"));
            return null;
        }
    }

    private ScoringModel? Compile(string name, ScoringModelOptions options, out RuleSetThresholds thresholds, ICollection<ConfigurationProblem> problems)
    {
        thresholds = RuleSetThresholds.None;
        if (options.RuleSetJson is { } json)
        {
            if (ScoringRuleSet.TryParse(json, new ScoringRuleSetOptions { TimeProvider = _timeProvider, Kinds = options.RuleKinds, MeterFactory = _meterFactory }, out var ruleSet, out var ruleSetProblems))
            {
                thresholds = ruleSet!.Thresholds;
                return ruleSet.Model;
            }

            foreach (var problem in ruleSetProblems)
            {
                problems.Add(problem);
            }

            return null;
        }

        var builder = new ScoringModelBuilder().WithName(name).WithTimeProvider(_timeProvider).WithRuleKinds(options.RuleKinds ?? ScoringRuleKinds.Default);
        if (_meterFactory is not null)
        {
            builder.WithMeterFactory(_meterFactory);
        }

        try
        {
            foreach (var configure in options.Builders)
            {
                configure(builder);
            }

            if (options.IncludeRegisteredRules)
            {
                foreach (var rule in _registeredRules)
                {
                    builder.AddRule(rule);
                }
            }

            return builder.Build();
        }
        catch (ConfigurationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                problems.Add(problem);
            }

            return null;
        }
        catch (ArgumentException ex)
        {
            // A factory refused a parameter in the configuring code (e.g. a zero decay lifetime). The message is the
            // application's own code's, so only the parameter is named.
            problems.Add(new ConfigurationProblem("$", ConfigurationProblemCodes.InvalidValue, $"configuring the model threw {ex.GetType().Name} for the parameter '{ex.ParamName}'"));
            return null;
        }
    }
}
