using System.Collections.Concurrent;
using System.Collections.Immutable;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Diagnostics;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;
using Microsoft.Extensions.Options;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>
/// Compiles each named model on first use and recompiles it when its options change. A reload that fails keeps the
/// previous model in use (swapped atomically only on success) and reports the problems through
/// <see cref="ModelRejected"/>, <see cref="GetStatus"/> and the <c>leadkit.scoring.rule_set_rejections</c> counter.
/// </summary>
internal sealed class ScoringModelProvider : IScoringModelProvider, IDisposable
{
    private readonly IOptionsMonitor<ScoringModelOptions> _options;
    private readonly IScoringRule[] _registeredRules;
    private readonly TimeProvider _timeProvider;
    private readonly ScoringModelRegistry _registry;
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly IDisposable? _subscription;

    public ScoringModelProvider(IOptionsMonitor<ScoringModelOptions> options, IEnumerable<IScoringRule> registeredRules, TimeProvider timeProvider, ScoringModelRegistry registry)
    {
        _options = options;
        _registeredRules = [.. registeredRules];
        _timeProvider = timeProvider;
        _registry = registry;
        _subscription = options.OnChange(Reload);
    }

    public event EventHandler<ScoringModelStatus>? ModelRejected;

    public ScoringModel GetModel(string name) => GetSlot(name).Model;

    public ILeadScorer GetScorer(string name) => GetSlot(name);

    public ScoringModelStatus GetStatus(string name)
    {
        var slot = GetSlot(name);
        var rejection = slot.LastRejection;
        return new ScoringModelStatus(name, slot.Model, rejection?.Problems ?? [], rejection?.At);
    }

    public void Dispose() => _subscription?.Dispose();

    private Slot GetSlot(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_slots.TryGetValue(name, out var slot))
        {
            return slot;
        }

        if (!_registry.Contains(name))
        {
            throw new KeyNotFoundException($"No scoring model is registered under the name '{name}'; register it with AddLeadKitScoring.");
        }

        var model = Compile(name, _options.Get(name), out var problems) ?? throw new ScoringConfigurationException(problems);
        return _slots.GetOrAdd(name, _ => new Slot(model));
    }

    private void Reload(ScoringModelOptions options, string? name)
    {
        name ??= Options.DefaultName;
        if (!_slots.TryGetValue(name, out var slot))
        {
            return;
        }

        var model = Compile(name, options, out var problems);
        if (model is not null)
        {
            // The status describes the model in use: a rejection that a later good reload replaced is over.
            slot.Model = model;
            slot.LastRejection = null;
            return;
        }

        slot.LastRejection = new Rejection(problems, _timeProvider.GetUtcNow());
        ScoringMetrics.RuleSetRejections.Add(1, new KeyValuePair<string, object?>("leadkit.model", name));
        ModelRejected?.Invoke(this, new ScoringModelStatus(name, slot.Model, problems, slot.LastRejection.At));
    }

    private ScoringModel? Compile(string name, ScoringModelOptions options, out ImmutableArray<ScoringProblem> problems)
    {
        if (options.RuleSetJson is { } json)
        {
            if (ScoringRuleSet.TryParse(json, _timeProvider, out var ruleSet, out problems))
            {
                return ruleSet!.Model;
            }

            return null;
        }

        var builder = new ScoringModelBuilder().WithName(name).WithTimeProvider(_timeProvider);
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

            problems = [];
            return builder.Build();
        }
        catch (ScoringConfigurationException ex)
        {
            problems = ex.Problems;
            return null;
        }
        catch (ArgumentException ex)
        {
            // A factory refused a parameter in the configuring code (e.g. a zero decay lifetime). On a reload this runs
            // in a change callback, where an exception would be lost: it is a rejection like any other. The message
            // is the application's own code's, so only the parameter is named.
            problems = [new ScoringProblem("$", $"configuring the model threw {ex.GetType().Name} for the parameter '{ex.ParamName}'")];
            return null;
        }
    }

    private sealed record Rejection(ImmutableArray<ScoringProblem> Problems, DateTimeOffset At);

    /// <summary>The current model of one name; also its <see cref="ILeadScorer"/>, so a swap is seen by every holder.</summary>
    private sealed class Slot(ScoringModel model) : ILeadScorer
    {
        private volatile ScoringModel _model = model;
        private volatile Rejection? _lastRejection;

        public ScoringModel Model
        {
            get => _model;
            set => _model = value;
        }

        public Rejection? LastRejection
        {
            get => _lastRejection;
            set => _lastRejection = value;
        }

        public LeadScore Score(Lead lead, DateTimeOffset asOf) => _model.Score(lead, asOf);
    }
}
