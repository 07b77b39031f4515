using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing;
using LeadKit.Testing;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class RoutingPlanTests
{
    [Fact]
    public void Chain_NobodyEligible_ExplicitUnassignedWithReasonAndDefaultQueue()
    {
        var plan = Plan(new TestLedger(), b =>
        {
            b.Options.DefaultQueue = "inbound-triage";
            b.AddReps([Rep("ana", active: false), Rep("bruno", availability: OutOfOfficeAround(Now))]).AddAllReps(RepSelection.RoundRobin);
        });

        var (result, explanation) = plan.Explain(AnyLead());

        Assert.False(result.IsAssigned);
        Assert.True(result.RepId.IsDefault);
        Assert.Equal(UnassignedReason.NoEligibleRep, result.Reason);
        Assert.Equal("inbound-triage", result.Queue);
        Assert.Equal(
            new[] { Skipped(Id("ana"), "all-reps", RepSkipReason.Inactive), Skipped(Id("bruno"), "all-reps", RepSkipReason.OutOfOffice) },
            explanation.Skipped);
        Assert.Contains("queued in 'inbound-triage'", explanation.Steps[^1].Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_NoStepApplies_UnassignedNotApplicableWithoutQueue()
    {
        var plan = Plan(new TestLedger(), b => b
            .AddReps([Rep("ana")])
            .AddTeam(new SalesTeamId("t"), Id("ana"))
            .AddTerritoryRules([new TerritoryRule { Name = "webinars", Team = new SalesTeamId("t"), When = In(LeadField.Source, LeadSource.Webinar.Value!) }]));

        var result = plan.Route(LeadBuilder.New().From(LeadSource.Blog).Build(), Now);

        Assert.Equal(Outcome(RoutingDecision.Unassigned(UnassignedReason.NotApplicable)), Outcome(result));
        Assert.Equal("unassigned (NotApplicable)", result.ToString());
    }

    [Fact]
    public void Chain_StepsInOrder_FirstAssigningStepDecidesAndIsExplained()
    {
        var plan = Plan(new TestLedger(), b => b
            .AddReps([Rep("ana", active: false), Rep("bruno")])
            .AddTeam(new SalesTeamId("closers"), Id("ana"))
            .AddTeamStep(new SalesTeamId("closers"), RepSelection.RoundRobin)
            .AddAllReps(RepSelection.RoundRobin));

        var (result, explanation) = plan.Explain(AnyLead());

        Assert.Equal(Outcome(RoutingDecision.Assigned(Id("bruno"), "all-reps")), Outcome(result));
        Assert.Equal("assigned by all-reps", result.ToString()); // the rep's id (often an e-mail) stays in RepId
        Assert.Equal(new[] { "team:closers", "team:closers", "all-reps" }, explanation.Steps.Select(s => s.Step).ToArray());
        Assert.Contains("chose member 2 of 2", explanation.Steps[^1].Outcome, StringComparison.Ordinal);
        Assert.Equal(
            new[] { Skipped(Id("ana"), "team:closers", RepSkipReason.Inactive), Skipped(Id("ana"), "all-reps", RepSkipReason.Inactive) },
            explanation.Skipped);
        Assert.Contains("skipped rep 1 of 2 in team:closers: Inactive", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_PluginStep_AddedLikeBuiltInAndDecides()
    {
        var plan = Plan(new TestLedger(), b => b
            .AddReps([Rep("ana"), Rep("vip-desk")])
            .AddStep(_ => new VipStrategy())
            .AddAllReps(RepSelection.RoundRobin));

        Assert.Equal(Outcome(RoutingDecision.Assigned(Id("vip-desk"), "vip")), Outcome(plan.Route(LeadBuilder.New().From(LeadSource.Referral).Build(), Now)));
        Assert.Equal("all-reps", plan.Route(AnyLead(), Now).DecidedBy);
        Assert.Equal(["vip", "all-reps"], plan.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Chain_PluginStepUsingContext_DelegatesToTeamStrategy()
    {
        var plan = Plan(new TestLedger(), b => b
            .AddReps([Rep("ana"), Rep("bruno")])
            .AddTeam(new SalesTeamId("t"), Id("bruno"))
            .AddStep(context => context.CreateTeamStrategy(new SalesTeamId("t"), RepSelection.RoundRobin, "custom")));

        Assert.Equal(Outcome(RoutingDecision.Assigned(Id("bruno"), "custom")), Outcome(plan.Route(AnyLead(), Now)));
    }

    [Fact]
    public void RoutingDecision_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => RoutingDecision.Assigned(default, "step"));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoutingDecision.Unassigned(UnassignedReason.None));
        Assert.Throws<ArgumentException>(() => new RoutingContext(AnyLead(), default, RoutingLedgerSnapshot.Empty));
    }

    private sealed class VipStrategy : IRoutingStrategy
    {
        public string Name => "vip";

        public RoutingDecision Decide(in RoutingContext context) => context.Lead.Source == LeadSource.Referral
            ? RoutingDecision.Assigned(new SalesRepId("vip-desk"), Name)
            : RoutingDecision.Unassigned(UnassignedReason.NotApplicable);
    }
}
