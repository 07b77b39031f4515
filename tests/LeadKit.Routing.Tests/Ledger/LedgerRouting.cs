using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing.Ledger;
using LeadKit.Testing;

namespace LeadKit.Routing.Tests.Ledger;

/// <summary>Helpers for the ledger tests: a plan over a team, a router over an in-memory ledger.</summary>
internal static class LedgerRouting
{
    public static readonly DateTimeOffset Now = LeadBuilder.Now;

    public static SalesRep Rep(string id, int weight = 1, int? maxOpen = null) => new()
    {
        Id = new SalesRepId(id),
        Name = $"Rep {id}",
        Weight = weight,
        MaxOpenLeads = maxOpen,
    };

    public static RoutingPlan TeamPlan(RepSelection selection, params SalesRep[] reps)
        => new RoutingPlanBuilder().AddReps(reps).AddTeam(new SalesTeamId("t"), reps.Select(r => r.Id)).AddTeamStep(new SalesTeamId("t"), selection).Build();

    public static LeadRouter Router(RoutingPlan plan, IRoutingLedgerStore store) => new(new RoutingPlanProvider(plan), store);

    public static RoutingDecision Route(this LeadRouter router, Lead? lead = null)
        => router.RouteAsync(lead ?? LeadBuilder.New().Build(), Now).AsTask().GetAwaiter().GetResult();
}
