using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;

namespace LeadKit.Routing.Engine;

/// <summary>The working set of one <see cref="RoutingPlanBuilder.Build"/>: compiled reps, teams, shared pools and the problems found.</summary>
internal sealed class RoutingPlanCompiler
{
    private readonly Dictionary<SalesTeamId, RepEntry[]> _teams;
    private readonly Dictionary<string, RepPool> _pools = new(StringComparer.Ordinal);

    public RoutingPlanCompiler(
        RoutingPlanOptions options,
        Eligibility eligibility,
        SalesRep[] reps,
        Dictionary<SalesRepId, RepEntry> repsById,
        Dictionary<SalesTeamId, RepEntry[]> teams,
        List<ConfigurationProblem> problems)
    {
        Options = options;
        Eligibility = eligibility;
        Reps = reps;
        RepsById = repsById;
        _teams = teams;
        Problems = problems;
    }

    public RoutingPlanOptions Options { get; }

    public Eligibility Eligibility { get; }

    public SalesRep[] Reps { get; }

    public Dictionary<SalesRepId, RepEntry> RepsById { get; }

    public List<ConfigurationProblem> Problems { get; }

    public RepPool GetPool(RoutingStepContext step, SalesTeamId? team, RepSelection selection, bool requireCoverage, string teamPath, string selectionPath)
    {
        RepEntry[] members;
        string key;
        if (team is { } id)
        {
            if (!_teams.TryGetValue(id, out var teamMembers))
            {
                step.ReportProblem(teamPath, ConfigurationProblemCodes.UnknownReference, "names no team defined in the plan");
                teamMembers = [];
            }

            members = teamMembers;
            key = $"team:{id}/{selection}";
        }
        else
        {
            members = new RepEntry[Reps.Length];
            for (var i = 0; i < Reps.Length; i++)
            {
                members[i] = RepsById[Reps[i].Id];
            }

            key = requireCoverage ? $"covering/{selection}" : $"all/{selection}";
        }

        if (selection == RepSelection.LoadBalancing)
        {
            var without = 0;
            foreach (var member in members)
            {
                without += member.MaxOpenLeads == 0 ? 1 : 0;
            }

            if (without > 0)
            {
                step.ReportProblem(selectionPath, ConfigurationProblemCodes.Conflict, $"load balancing needs every rep's MaxOpenLeads, but {without} of the {members.Length} reps have none");
            }
        }

        if (!_pools.TryGetValue(key, out var pool))
        {
            pool = new RepPool(key, members, selection, requireCoverage, Eligibility);
            _pools.Add(key, pool);
        }

        return pool;
    }
}
