using LeadKit.Abstractions.Configuration;
using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;

namespace LeadKit.Funnel.Definitions;

/// <summary>
/// Describes a funnel in Stateless vocabulary and compiles it into an immutable <see cref="FunnelDefinition"/>:
/// <c>builder.StartAt(Suspect).Configure(Mql).Permit(Accept, Sal).PermitIf(..., guard, "description")</c>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Build"/> checks everything and reports every problem at once in a
/// <see cref="ConfigurationException"/> (each <see cref="ConfigurationProblem"/> has the path the JSON form (<see cref="Serialization.FunnelDefinitionJson"/>) would have): no initial stage, no terminal stage, unreachable stages, non-terminal
/// dead ends, terminal stages with transitions, duplicate or conflicting transitions, self transitions, guards
/// without a predicate or description, non-positive SLAs, backward edges along the main path that are not
/// declared with <see cref="StageConfiguration.PermitBackward"/>, and invalid recycle targets.
/// </para>
/// <para>Not thread-safe. Locked after a successful <see cref="Build"/>: further changes throw <see cref="InvalidOperationException"/>.</para>
/// </remarks>
public sealed class FunnelDefinitionBuilder
{
    private readonly List<StageConfiguration> _stages = [];
    private readonly Dictionary<FunnelStage, StageConfiguration> _byStage = [];
    private FunnelStage _initialStage;
    private FunnelStage[] _mainPath = [];
    private FunnelOverrideAuthorizer? _overrideAuthorizer;
    private string? _overrideDescription;
    private bool _built;

    /// <summary>Sets the stage new leads start in (e.g. <c>suspect</c>).</summary>
    /// <param name="stage">The initial stage.</param>
    /// <returns>This builder, for chaining.</returns>
    public FunnelDefinitionBuilder StartAt(FunnelStage stage)
    {
        if (stage.IsDefault)
        {
            throw new ArgumentException("stage must be set (was the default FunnelStage).", nameof(stage));
        }

        ThrowIfBuilt();
        _initialStage = stage;
        Mention(stage);
        return this;
    }

    /// <summary>
    /// Declares the main path in forward order (e.g. suspect, lead, MQL, SAL, SQL, opportunity, customer). The main
    /// path is forward-only: a transition from a later to an earlier main-path stage must be an explicit
    /// <see cref="StageConfiguration.PermitBackward"/> edge. Skipping forward is allowed.
    /// </summary>
    /// <param name="stages">The stages in order.</param>
    /// <returns>This builder, for chaining.</returns>
    public FunnelDefinitionBuilder MainPath(params FunnelStage[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ThrowIfBuilt();
        foreach (var stage in stages)
        {
            if (stage.IsDefault)
            {
                throw new ArgumentException("stages must not contain the default FunnelStage.", nameof(stages));
            }

            Mention(stage);
        }

        _mainPath = [.. stages];
        return this;
    }

    /// <summary>Returns the configuration of a stage, creating it on first use.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The stage's configuration.</returns>
    public StageConfiguration Configure(FunnelStage stage)
    {
        if (stage.IsDefault)
        {
            throw new ArgumentException("stage must be set (was the default FunnelStage).", nameof(stage));
        }

        ThrowIfBuilt();
        return Mention(stage);
    }

    /// <summary>
    /// Decides who may override unmet guards (e.g. sales managers); the history records an accepted override as such.
    /// Without it the definition refuses every override (<see cref="FunnelDefinition.OverridesNotEnabledDescription"/>):
    /// a rep who gives a reason cannot push a lead past a guard unless the application says who may.
    /// </summary>
    /// <param name="authorizer">Decides whether an actor may override.</param>
    /// <param name="description">Who is authorised, e.g. "sales managers"; shown when an override is refused.</param>
    /// <returns>This builder, for chaining.</returns>
    public FunnelDefinitionBuilder AuthorizeOverrides(FunnelOverrideAuthorizer authorizer, string description)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        ThrowIfBuilt();
        _overrideAuthorizer = authorizer;
        _overrideDescription = description;
        return this;
    }

    /// <summary>Checks the description and compiles it into an immutable, thread-safe definition.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="ConfigurationException">The description has problems; all of them are listed in <see cref="ConfigurationException.Problems"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public FunnelDefinition Build()
    {
        ThrowIfBuilt();
        var problems = new List<ConfigurationProblem>();
        Validate(problems);
        ConfigurationException.ThrowIfAny(problems);

        _built = true;
        return new FunnelDefinition(_initialStage, _stages, _mainPath, _overrideAuthorizer, _overrideDescription);
    }

    internal void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This funnel definition builder has already built its definition and is locked; create a new builder.");
        }
    }

    internal StageConfiguration Mention(FunnelStage stage)
    {
        if (!_byStage.TryGetValue(stage, out var configuration))
        {
            configuration = new StageConfiguration(this, stage);
            _byStage.Add(stage, configuration);
            _stages.Add(configuration);
        }

        return configuration;
    }

    private void Validate(List<ConfigurationProblem> problems)
    {
        if (_initialStage.IsDefault)
        {
            problems.Add(new(FunnelDefinitionPaths.InitialStage, ConfigurationProblemCodes.Required, "No initial stage: call StartAt(stage) (JSON: initialStage)."));
        }

        var mainRank = new Dictionary<FunnelStage, int>();
        for (var i = 0; i < _mainPath.Length; i++)
        {
            if (!mainRank.TryAdd(_mainPath[i], i))
            {
                problems.Add(new(FunnelDefinitionPaths.MainPath(i), ConfigurationProblemCodes.DuplicateName, $"Main path: stage '{_mainPath[i]}' appears more than once."));
            }
        }

        if (_overrideAuthorizer is not null && string.IsNullOrWhiteSpace(_overrideDescription))
        {
            problems.Add(new(FunnelDefinitionPaths.OverrideAuthorizer, ConfigurationProblemCodes.Required, "AuthorizeOverrides: the authorizer has no description (say who may override)."));
        }
        else if (_overrideAuthorizer is not null && ConfigurationName.Problem(_overrideDescription) is { } problem)
        {
            // The description is shown in every refused override, so it follows the rule for configured names.
            problems.Add(new(FunnelDefinitionPaths.OverrideAuthorizer, ConfigurationProblemCodes.InvalidValue, $"AuthorizeOverrides: the description {problem}."));
        }

        var hasTerminal = false;
        foreach (var stage in _stages)
        {
            hasTerminal |= stage.IsTerminal;
            ValidateStage(stage, mainRank, problems);
        }

        if (!hasTerminal)
        {
            problems.Add(new(FunnelDefinitionPaths.Stages, ConfigurationProblemCodes.Required, "No terminal stage: mark at least one stage Terminal() (e.g. customer, lost, disqualified)."));
        }

        if (!_initialStage.IsDefault)
        {
            ReportUnreachable(problems);
        }
    }

    private void ValidateStage(StageConfiguration stage, Dictionary<FunnelStage, int> mainRank, List<ConfigurationProblem> problems)
    {
        var name = stage.Stage;
        var path = FunnelDefinitionPaths.Stage(name);
        if (stage.IsTerminal && stage.Transitions.Count > 0)
        {
            problems.Add(new(path + ".terminal", ConfigurationProblemCodes.Conflict, $"Stage '{name}' is terminal but permits {stage.Transitions.Count} transition(s); a terminal stage permits none."));
        }

        if (!stage.IsTerminal && stage.Transitions.Count == 0)
        {
            problems.Add(new(path + ".transitions", ConfigurationProblemCodes.Required, $"Stage '{name}' is a dead end: it permits no transition and is not terminal."));
        }

        if (stage.MaxTime is { } max)
        {
            if (max <= TimeSpan.Zero)
            {
                problems.Add(new(path + ".maxTimeInStageHours", ConfigurationProblemCodes.OutOfRange, $"Stage '{name}': MaxTimeInStage must be positive (was {max})."));
            }

            if (stage.IsTerminal)
            {
                problems.Add(new(path + ".maxTimeInStageHours", ConfigurationProblemCodes.Conflict, $"Stage '{name}' is terminal and cannot have a MaxTimeInStage (SLA)."));
            }
        }

        if (!stage.RecycleInto.IsDefault && _byStage.TryGetValue(stage.RecycleInto, out var target) && target.IsTerminal)
        {
            problems.Add(new(path + ".recyclesInto", ConfigurationProblemCodes.InvalidValue, $"Stage '{name}' recycles into '{stage.RecycleInto}', which is terminal; recycled leads must start in an active stage."));
        }

        var transitions = stage.Transitions;
        for (var i = 0; i < transitions.Count; i++)
        {
            var transition = transitions[i];
            var label = $"Stage '{name}', trigger '{transition.Trigger}'";
            var at = FunnelDefinitionPaths.Transition(name, transition.Trigger);
            if (transition.Destination == name)
            {
                problems.Add(new(at + ".to", ConfigurationProblemCodes.InvalidValue, $"{label}: leads back to the same stage; a transition must change the stage."));
            }

            for (var j = 0; j < i; j++)
            {
                if (transitions[j].Trigger == transition.Trigger)
                {
                    problems.Add(transitions[j].Destination == transition.Destination
                        ? new(at, ConfigurationProblemCodes.DuplicateName, $"{label}: duplicate transition to '{transition.Destination}' (permitted more than once).")
                        : new(at, ConfigurationProblemCodes.Conflict, $"{label}: conflicting transitions to '{transitions[j].Destination}' and '{transition.Destination}'; a trigger leads to one stage."));
                    break;
                }
            }

            for (var g = 0; g < transition.Guards.Length; g++)
            {
                var guard = transition.Guards[g];
                if (guard is null)
                {
                    problems.Add(new(FunnelDefinitionPaths.Guard(at, g), ConfigurationProblemCodes.Required, $"{label}: guard {g + 1} is null."));
                    continue;
                }

                if (guard.Predicate is null)
                {
                    problems.Add(new(FunnelDefinitionPaths.Guard(at, g), ConfigurationProblemCodes.Required, $"{label}: guard {g + 1} has no predicate."));
                }

                if (string.IsNullOrWhiteSpace(guard.Description))
                {
                    problems.Add(new(FunnelDefinitionPaths.Guard(at, g), ConfigurationProblemCodes.Required, $"{label}: guard {g + 1} has no description; say what it requires (it is shown when the guard is unmet)."));
                }
            }

            if (!transition.IsBackward
                && mainRank.TryGetValue(name, out var fromRank)
                && mainRank.TryGetValue(transition.Destination, out var toRank)
                && toRank < fromRank)
            {
                problems.Add(new(at + ".backward", ConfigurationProblemCodes.Conflict, $"{label}: goes backward along the main path to '{transition.Destination}'; declare it with PermitBackward so it is audited."));
            }
        }
    }

    private void ReportUnreachable(List<ConfigurationProblem> problems)
    {
        var reached = new HashSet<FunnelStage>();
        var queue = new Queue<FunnelStage>();
        void Visit(FunnelStage stage)
        {
            if (reached.Add(stage))
            {
                queue.Enqueue(stage);
            }
        }

        Visit(_initialStage);
        foreach (var stage in _stages)
        {
            // A recycled lead starts in the recycle target, so it is an entry point of the funnel.
            if (!stage.RecycleInto.IsDefault)
            {
                Visit(stage.RecycleInto);
            }
        }

        while (queue.Count > 0)
        {
            foreach (var transition in _byStage[queue.Dequeue()].Transitions)
            {
                Visit(transition.Destination);
            }
        }

        foreach (var stage in _stages)
        {
            if (!reached.Contains(stage.Stage))
            {
                problems.Add(new(FunnelDefinitionPaths.Stage(stage.Stage), ConfigurationProblemCodes.InvalidValue, $"Stage '{stage.Stage}' is unreachable from the initial stage '{_initialStage}'."));
            }
        }
    }
}
