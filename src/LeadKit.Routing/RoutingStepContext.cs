using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing.Engine;
using LeadKit.Routing.Strategies;

namespace LeadKit.Routing;

/// <summary>
/// What a step factory passed to <see cref="RoutingPlanBuilder.AddStep"/> gets while the plan is built: the plan's
/// reps and options, team pools to delegate to, and a way to report problems. Built-in steps use the same.
/// </summary>
/// <remarks>Valid only during <see cref="RoutingPlanBuilder.Build"/>; not thread-safe.</remarks>
public sealed class RoutingStepContext
{
    private readonly RoutingPlanCompiler _compiler;

    internal RoutingStepContext(RoutingPlanCompiler compiler, string path)
    {
        _compiler = compiler;
        Path = path;
    }

    /// <summary>Gets the JSON path of the step being built, e.g. <c>$.steps[2]</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the plan's reps in the order they were added.</summary>
    public IReadOnlyList<SalesRep> Reps => _compiler.Reps;

    /// <summary>Gets the plan's options (a copy taken when <see cref="RoutingPlanBuilder.Build"/> started).</summary>
    public RoutingPlanOptions Options => _compiler.Options;

    internal Eligibility Eligibility => _compiler.Eligibility;

    internal Dictionary<SalesRepId, RepEntry> RepsById => _compiler.RepsById;

    /// <summary>Reports a problem; <see cref="RoutingPlanBuilder.Build"/> then throws a <see cref="ConfigurationException"/> with every problem reported.</summary>
    /// <param name="relativePath">The path below the step (e.g. <c>team</c> or <c>rules[3].name</c>), or empty for the step itself.</param>
    /// <param name="code">The stable code, one of <see cref="ConfigurationProblemCodes"/> (or the plugin's own kebab-case code).</param>
    /// <param name="message">What is wrong; name the field and the rule, not the value (values may be personal data).</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is blank.</exception>
    public void ReportProblem(string relativePath, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        _compiler.Problems.Add(new ConfigurationProblem(PathOf(relativePath), code, message));
    }

    /// <summary>Gets the full path of a path below the step (<c>$.steps[2].rules[0].when</c>).</summary>
    internal string PathOf(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return relativePath.Length == 0 ? Path : $"{Path}.{relativePath}";
    }

    internal ICollection<ConfigurationProblem> Problems => _compiler.Problems;

    /// <summary>
    /// Creates a strategy that picks a rep of a team (or of every rep) with the given selection, applying the plan's
    /// eligibility rules. Strategies over the same team and selection share their rotation.
    /// </summary>
    /// <param name="team">The team, or <see langword="null"/> for every rep of the plan.</param>
    /// <param name="selection">How to pick.</param>
    /// <param name="name">The strategy's name in results and explanations.</param>
    /// <returns>The strategy (an unknown team is reported as a problem at <c>team</c>).</returns>
    public IRoutingStrategy CreateTeamStrategy(SalesTeamId? team, RepSelection selection, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new PoolStrategy(name, GetPool(team, selection, requireCoverage: false, "team", "selection"));
    }

    internal RepPool GetPool(SalesTeamId? team, RepSelection selection, bool requireCoverage, string teamPath, string selectionPath)
    {
        if (!Enum.IsDefined(selection))
        {
            ReportProblem(selectionPath, ConfigurationProblemCodes.InvalidValue, "must be RoundRobin, WeightedRoundRobin or LoadBalancing");
            selection = RepSelection.RoundRobin;
        }

        return _compiler.GetPool(this, team, selection, requireCoverage, teamPath, selectionPath);
    }
}
