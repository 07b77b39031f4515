using System.Diagnostics.Metrics;
using System.Globalization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Diagnostics;
using LeadKit.Scoring.Kernel;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Model;

/// <summary>
/// Composes a <see cref="ScoringModel"/>: rules (built-in and plugin rules alike, through <see cref="AddRule"/>),
/// groups with caps and decay, and floors/caps per dimension and on the total. <see cref="Build"/> validates
/// everything, reports every problem at once, and locks the builder. Not thread-safe; the model it builds is.
/// </summary>
public sealed class ScoringModelBuilder
{
    /// <summary>The most rules a model may hold.</summary>
    public const int MaximumRules = 1024;

    /// <summary>The most groups a model may hold.</summary>
    public const int MaximumGroups = 256;

    private readonly List<(IScoringRule? Rule, string? Group)> _rules = [];
    private readonly List<ScoringGroup?> _groups = [];
    private ScoreLimits _fit;
    private ScoreLimits _engagement;
    private ScoreLimits _total;
    private string _name = "default";
    private TimeProvider _timeProvider = TimeProvider.System;
    private ScoringCompilationMode _compilation;
    private ScoringRuleKinds _kinds = ScoringRuleKinds.Default;
    private ScoringInstruments _instruments = ScoringInstruments.Shared;
    private bool _built;

    /// <summary>Gets the number of rules added so far.</summary>
    public int RuleCount => _rules.Count;

    /// <summary>Names the model (shown in explanations and metrics; not personal data).</summary>
    /// <param name="name">The name; 1 to 64 characters following <see cref="ConfigurationName"/> (no control, format or bidirectional characters); checked by <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder WithName(string name)
    {
        EnsureNotBuilt();
        _name = name;
        return this;
    }

    /// <summary>Sets the clock used by <see cref="ScoringModel.Score(Abstractions.Leads.Lead)"/> when no as-of time is given.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        EnsureNotBuilt();
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>Chooses when the model compiles itself into straight-line code; every mode gives the same scores.</summary>
    /// <param name="mode">The mode; <see cref="ScoringCompilationMode.Background"/> unless set.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder WithCompilation(ScoringCompilationMode mode)
    {
        EnsureNotBuilt();
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode has an undefined value ({mode}).");
        }

        _compilation = mode;
        return this;
    }

    /// <summary>
    /// Records the model's measurements (leads scored, rule failures, compilation failures; see
    /// <see cref="ScoringMetrics"/>) on the <c>LeadKit.Scoring</c> meter of <paramref name="meterFactory"/> instead of
    /// the process-wide meter of that name. Dependency injection passes the container's factory.
    /// </summary>
    /// <param name="meterFactory">The meter factory.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder WithMeterFactory(IMeterFactory meterFactory)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(meterFactory);
        _instruments = ScoringInstruments.For(meterFactory);
        return this;
    }

    /// <summary>
    /// Sets the rule kinds whose descriptors validate and plan the rules (by rule class); a rule of a class no kind
    /// describes is called through <see cref="IScoringRule.Evaluate"/>, unvalidated beyond its name and dimension.
    /// </summary>
    /// <param name="kinds">The kinds; <see cref="ScoringRuleKinds.Default"/> unless set.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder WithRuleKinds(ScoringRuleKinds kinds)
    {
        EnsureNotBuilt();
        _kinds = kinds ?? throw new ArgumentNullException(nameof(kinds));
        return this;
    }

    /// <summary>Adds a rule — a built-in or a plugin <see cref="IScoringRule"/>; both are treated the same.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="group">The name of a group added with <see cref="AddGroup"/>, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder AddRule(IScoringRule rule, string? group = null)
    {
        EnsureNotBuilt();
        _rules.Add((rule, group));
        return this;
    }

    /// <summary>Adds a group of rules whose summed points are clipped by the group's limits.</summary>
    /// <param name="group">The group.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder AddGroup(ScoringGroup group)
    {
        EnsureNotBuilt();
        _groups.Add(group);
        return this;
    }

    /// <summary>Sets the floor and cap of one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="limits">The limits.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder WithLimits(ScoreDimension dimension, ScoreLimits limits)
    {
        EnsureNotBuilt();
        if (dimension == ScoreDimension.Fit)
        {
            _fit = limits;
        }
        else if (dimension == ScoreDimension.Engagement)
        {
            _engagement = limits;
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension has an undefined value ({dimension}).");
        }

        return this;
    }

    /// <summary>Sets the floor and cap of the total.</summary>
    /// <param name="limits">The limits.</param>
    /// <returns>This builder.</returns>
    public ScoringModelBuilder WithTotalLimits(ScoreLimits limits)
    {
        EnsureNotBuilt();
        _total = limits;
        return this;
    }

    /// <summary>
    /// Gets or sets a value indicating whether the model numbers its signal kinds itself, as it does when the full
    /// registry could not register them all; tests set it to run that path without filling the process-wide registry.
    /// </summary>
    internal bool UseLocalKindNumbers { get; set; }

    /// <summary>Validates everything and compiles the model. The builder cannot be used afterwards.</summary>
    /// <returns>The immutable, thread-safe model.</returns>
    /// <exception cref="ConfigurationException">Listing every problem found, each with its path (e.g. <c>rules[3].points</c>) and code.</exception>
    /// <exception cref="InvalidOperationException">The builder was already built.</exception>
    public ScoringModel Build()
    {
        EnsureNotBuilt();
        _built = true;
        var problems = new List<ConfigurationProblem>();
        Validate(problems);
        ConfigurationException.ThrowIfAny(problems);

        var groups = new ScoringGroup[_groups.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = _groups[i]!;
        }

        // The model is valid: only now are its kinds and sources registered (a rejected model leaves no names behind).
        var kinds = new VocabularyIndex<EngagementSignalKind>(_rules.SelectMany(r => _kinds.Find(r.Rule!)?.SignalKindsOf(r.Rule!) ?? []));
        var sources = new VocabularyIndex<LeadSource>(_rules.SelectMany(r => _kinds.Find(r.Rule!)?.SourcesOf(r.Rule!) ?? []));
        var localKinds = UseLocalKindNumbers || !kinds.AllRegistered ? kinds : null;
        Func<EngagementSignalKind, int> kindSlot = localKinds is null ? static k => k.Ordinal : k => kinds.IndexOf(k) + 1;

        var rules = new ScoringModel.RuleEntry[_rules.Count];
        var groupDecay = new DecayFunction?[_rules.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var (rule, groupName) = _rules[i];
            var groupIndex = groupName is null ? -1 : FindGroup(groupName);
            groupDecay[i] = groupIndex >= 0 ? groups[groupIndex].Decay : null;
            rules[i] = new ScoringModel.RuleEntry(rule!, rule!.Name, rule.Dimension, groupIndex);
        }

        // Each rule's kind gives its plan (a fast-path entry, or a guarded call for a kind without one).
        var planning = new RulePlanning(sources, kindSlot, groupDecay);
        for (var i = 0; i < rules.Length; i++)
        {
            if (_kinds.Find(rules[i].Rule) is { } kind)
            {
                kind.PlanRule(rules[i].Rule, i, planning);
            }
            else
            {
                planning.AddEvaluator(i, rules[i].Rule);
            }
        }

        return new ScoringModel(_name, _timeProvider, _instruments, rules, groups, _fit, _engagement, _total, planning, localKinds, _compilation);
    }

    private void Validate(List<ConfigurationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(_name) || _name.Length > 64)
        {
            problems.Add(new("name", ConfigurationProblemCodes.InvalidValue, "must be 1 to 64 characters"));
        }
        else if (ConfigurationName.Problem(_name) is { } nameProblem)
        {
            problems.Add(new("name", ConfigurationProblemCodes.InvalidValue, nameProblem));
        }

        if (_rules.Count > MaximumRules)
        {
            problems.Add(new("rules", ConfigurationProblemCodes.TooMany, string.Create(CultureInfo.InvariantCulture, $"must hold at most {MaximumRules} rules (had {_rules.Count})")));
        }

        if (_groups.Count > MaximumGroups)
        {
            problems.Add(new("groups", ConfigurationProblemCodes.TooMany, string.Create(CultureInfo.InvariantCulture, $"must hold at most {MaximumGroups} groups (had {_groups.Count})")));
        }

        for (var i = 0; i < _groups.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"groups[{i}]");
            var group = _groups[i];
            if (group is null)
            {
                problems.Add(new(path, ConfigurationProblemCodes.Required, "must not be null"));
                continue;
            }

            ValidateName(group.Name, path + ".name", problems);
            if (!Enum.IsDefined(group.Dimension))
            {
                problems.Add(new(path + ".dimension", ConfigurationProblemCodes.InvalidValue, "must be fit or engagement"));
            }

            for (var j = 0; j < i; j++)
            {
                if (_groups[j] is { } other && string.Equals(other.Name, group.Name, StringComparison.Ordinal))
                {
                    problems.Add(new(path + ".name", ConfigurationProblemCodes.DuplicateName, string.Create(CultureInfo.InvariantCulture, $"repeats the name of groups[{j}]")));
                }
            }

            group.Limits.Validate(path, problems);
        }

        for (var i = 0; i < _rules.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"rules[{i}]");
            var (rule, groupName) = _rules[i];
            if (rule is null)
            {
                problems.Add(new(path, ConfigurationProblemCodes.Required, "must not be null"));
                continue;
            }

            string name;
            ScoreDimension dimension;
            try
            {
                name = rule.Name;
                dimension = rule.Dimension;
            }
#pragma warning disable CA1031 // A plugin's broken property is reported like any other problem.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problems.Add(new(path, ConfigurationProblemCodes.InvalidValue, $"threw {ex.GetType().Name} when asked for its name or dimension"));
                continue;
            }

            ValidateName(name, path + ".name", problems);
            if (!Enum.IsDefined(dimension))
            {
                problems.Add(new(path + ".dimension", ConfigurationProblemCodes.InvalidValue, "must be fit or engagement"));
            }

            for (var j = 0; j < i; j++)
            {
                if (_rules[j].Rule is { } other && string.Equals(SafeName(other), name, StringComparison.Ordinal))
                {
                    problems.Add(new(path + ".name", ConfigurationProblemCodes.DuplicateName, string.Create(CultureInfo.InvariantCulture, $"repeats the name of rules[{j}]")));
                }
            }

            if (groupName is not null)
            {
                var g = FindGroup(groupName);
                if (g < 0)
                {
                    problems.Add(new(path + ".group", ConfigurationProblemCodes.UnknownReference, "must name a group that was added"));
                }
                else if (_groups[g]!.Dimension != dimension)
                {
                    problems.Add(new(path + ".group", ConfigurationProblemCodes.Conflict, $"is a {_groups[g]!.Dimension} group but the rule scores {dimension}"));
                }
            }

            _kinds.Find(rule)?.ValidateRule(rule, path, problems);
        }

        _fit.Validate("limits.fit", problems);
        _engagement.Validate("limits.engagement", problems);
        _total.Validate("limits.total", problems);
    }

    private static string? SafeName(IScoringRule rule)
    {
        try
        {
            return rule.Name;
        }
#pragma warning disable CA1031 // Already reported for that rule.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static void ValidateName(string? name, string path, List<ConfigurationProblem> problems)
    {
        // Names flow into metric tags, explanations and logs: the shared rule refuses what can hide or rewrite text.
        if (string.IsNullOrWhiteSpace(name) || name.Length > 128)
        {
            problems.Add(new(path, ConfigurationProblemCodes.InvalidValue, "must be 1 to 128 characters, not blank"));
        }
        else if (ConfigurationName.Problem(name) is { } problem)
        {
            problems.Add(new(path, ConfigurationProblemCodes.InvalidValue, problem));
        }
    }

    private int FindGroup(string name)
    {
        for (var i = 0; i < _groups.Count; i++)
        {
            if (_groups[i] is { } g && string.Equals(g.Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This ScoringModelBuilder has already built its model; create a new builder for another model.");
        }
    }
}
