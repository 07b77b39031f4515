using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing.Engine;
using LeadKit.Routing.Strategies;

namespace LeadKit.Routing;

/// <summary>
/// Describes a routing plan — reps, teams, application filters and ordered steps — and compiles it with
/// <see cref="Build"/>. Built-in steps (<see cref="RoutingPlanBuilderExtensions"/>) are added through the same
/// <see cref="AddStep"/> that plugins use.
/// </summary>
/// <remarks>Not thread-safe; locked after <see cref="Build"/>. Problems use the JSON paths of the plan format (<c>$.teams[0].members[2]</c>).</remarks>
public sealed class RoutingPlanBuilder
{
    /// <summary>The largest number of reps in a plan.</summary>
    public const int MaximumReps = 10_000;

    /// <summary>The largest number of teams in a plan.</summary>
    public const int MaximumTeams = 500;

    /// <summary>The largest number of steps in a plan.</summary>
    public const int MaximumSteps = 32;

    private readonly List<SalesRep> _reps = [];
    private readonly List<(SalesTeamId Id, SalesRepId[] Members)> _teams = [];
    private readonly List<IRepFilter> _filters = [];
    private readonly List<Func<RoutingStepContext, IRoutingStrategy>> _steps = [];
    private bool _built;

    /// <summary>Gets the plan-wide options; change them before <see cref="Build"/>.</summary>
    public RoutingPlanOptions Options { get; } = new();

    /// <summary>Adds a rep. Reps are the "every rep" pool in this order.</summary>
    /// <param name="rep">The rep.</param>
    /// <returns>This builder.</returns>
    public RoutingPlanBuilder AddRep(SalesRep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ThrowIfBuilt();
        _reps.Add(rep);
        return this;
    }

    /// <summary>Adds reps in order.</summary>
    /// <param name="reps">The reps.</param>
    /// <returns>This builder.</returns>
    public RoutingPlanBuilder AddReps(IEnumerable<SalesRep> reps)
    {
        ArgumentNullException.ThrowIfNull(reps);
        foreach (var rep in reps)
        {
            AddRep(rep);
        }

        return this;
    }

    /// <summary>Adds a team; its members rotate in this order.</summary>
    /// <param name="id">The team.</param>
    /// <param name="members">The member reps (each must be added with <see cref="AddRep"/>).</param>
    /// <returns>This builder.</returns>
    public RoutingPlanBuilder AddTeam(SalesTeamId id, params IEnumerable<SalesRepId> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        ThrowIfBuilt();
        _teams.Add((id, [.. members]));
        return this;
    }

    /// <summary>Adds an application eligibility filter, applied by every built-in selection after the built-in rules.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>This builder.</returns>
    public RoutingPlanBuilder AddFilter(IRepFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ThrowIfBuilt();
        _filters.Add(filter);
        return this;
    }

    /// <summary>
    /// Adds a step: the plan tries steps in order and the first that assigns a rep wins. The factory runs during
    /// <see cref="Build"/> and may report problems through the context.
    /// </summary>
    /// <param name="factory">Creates the step's strategy.</param>
    /// <returns>This builder.</returns>
    public RoutingPlanBuilder AddStep(Func<RoutingStepContext, IRoutingStrategy> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ThrowIfBuilt();
        _steps.Add(factory);
        return this;
    }

    /// <summary>Validates everything and compiles the plan. Locks the builder.</summary>
    /// <returns>The immutable, thread-safe plan.</returns>
    /// <exception cref="ConfigurationException">The plan has problems; <see cref="ConfigurationException.Problems"/> lists every one with its path (<c>$.teams[0].members[2]</c>) and code.</exception>
    /// <exception cref="InvalidOperationException">The builder was already built.</exception>
    public RoutingPlan Build()
    {
        ThrowIfBuilt();
        _built = true;
        var errors = new List<ConfigurationProblem>();
        var options = Options.Clone();
        options.Validate(static property => "$.options." + char.ToLowerInvariant(property[0]) + property[1..], errors);

        var repsById = new Dictionary<SalesRepId, RepEntry>();
        if (_reps.Count > MaximumReps)
        {
            errors.Add(new("$.reps", ConfigurationProblemCodes.TooMany, $"must hold at most {MaximumReps} reps"));
        }

        for (var i = 0; i < _reps.Count; i++)
        {
            var rep = _reps[i];
            if (!repsById.TryAdd(rep.Id, new RepEntry(rep, options, _filters.Count > 0)))
            {
                errors.Add(new($"$.reps[{i}].id", ConfigurationProblemCodes.DuplicateName, "names a rep added more than once"));
            }
        }

        var teams = CompileTeams(repsById, errors);
        if (_steps.Count == 0)
        {
            errors.Add(new("$.steps", ConfigurationProblemCodes.Required, "must hold at least one step"));
        }
        else if (_steps.Count > MaximumSteps)
        {
            errors.Add(new("$.steps", ConfigurationProblemCodes.TooMany, $"must hold at most {MaximumSteps} steps"));
        }

        var eligibility = new Eligibility(options, [.. _filters]);
        var compiler = new RoutingPlanCompiler(options, eligibility, [.. _reps], repsById, teams, errors);
        var steps = new IRoutingStrategy[_steps.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        IAccountOwnerDirectory? owners = null;
        for (var i = 0; i < _steps.Count; i++)
        {
            var context = new RoutingStepContext(compiler, $"$.steps[{i}]");
            var step = _steps[i](context);
            if (step is null)
            {
                context.ReportProblem(string.Empty, ConfigurationProblemCodes.Required, "the step factory returned null");
                continue;
            }

            // Step names flow into results, explanations and metric tags: the shared rule for configuration names.
            if (ConfigurationName.Problem(step.Name) is { } problem)
            {
                context.ReportProblem("name", ConfigurationProblemCodes.InvalidValue, problem);
            }
            else if (!names.Add(step.Name))
            {
                context.ReportProblem("name", ConfigurationProblemCodes.DuplicateName, "is the name of another step; step names are unique within a plan");
            }

            if (step is AccountOwnershipStrategy ownership)
            {
                // The plan looks the owner up once per lead before deciding, so it needs one directory.
                if (owners is not null && !ReferenceEquals(owners, ownership.Directory))
                {
                    context.ReportProblem(string.Empty, ConfigurationProblemCodes.Conflict, "uses another account-owner directory than an earlier accountOwnership step; a plan has one");
                }

                owners = ownership.Directory;
            }

            steps[i] = step;
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        return new RoutingPlan(options.Name, options.DefaultQueue, steps, [.. _reps], repsById, eligibility, owners);
    }

    private Dictionary<SalesTeamId, RepEntry[]> CompileTeams(Dictionary<SalesRepId, RepEntry> repsById, List<ConfigurationProblem> errors)
    {
        var teams = new Dictionary<SalesTeamId, RepEntry[]>();
        if (_teams.Count > MaximumTeams)
        {
            errors.Add(new("$.teams", ConfigurationProblemCodes.TooMany, $"must hold at most {MaximumTeams} teams"));
        }

        for (var i = 0; i < _teams.Count; i++)
        {
            var (id, members) = _teams[i];
            var path = $"$.teams[{i}]";
            if (id.IsDefault)
            {
                errors.Add(new($"{path}.id", ConfigurationProblemCodes.Required, "must be set"));
                continue;
            }

            // The team id names the team's rotation pool, which appears in explanations and the ledger.
            if (ConfigurationName.Problem(id.Value) is { } problem)
            {
                errors.Add(new($"{path}.id", ConfigurationProblemCodes.InvalidValue, problem));
            }

            if (members.Length == 0 || members.Length > MaximumReps)
            {
                errors.Add(new($"{path}.members", members.Length == 0 ? ConfigurationProblemCodes.Required : ConfigurationProblemCodes.TooMany, $"must hold 1 to {MaximumReps} members"));
            }

            var entries = new List<RepEntry>(members.Length);
            for (var j = 0; j < members.Length; j++)
            {
                if (!repsById.TryGetValue(members[j], out var entry))
                {
                    errors.Add(new($"{path}.members[{j}]", ConfigurationProblemCodes.UnknownReference, "names no rep of the plan (add the rep first)"));
                }
                else if (entries.Contains(entry))
                {
                    errors.Add(new($"{path}.members[{j}]", ConfigurationProblemCodes.DuplicateName, "names a member already in the team"));
                }
                else
                {
                    entries.Add(entry);
                }
            }

            if (!teams.TryAdd(id, [.. entries]))
            {
                errors.Add(new($"{path}.id", ConfigurationProblemCodes.DuplicateName, "names a team defined more than once"));
            }
        }

        return teams;
    }

    /// <summary>Consumes the builder without building (a document that could not be read at all).</summary>
    internal void Lock() => _built = true;

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("The routing plan builder was already built; create a new builder for a new plan.");
        }
    }
}
