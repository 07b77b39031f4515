using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Routing;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class RoutingPlanBuilderTests
{
    [Fact]
    public void Build_ManyProblems_ReportsEveryProblemWithItsPath()
    {
        var builder = new RoutingPlanBuilder();
        builder.Options.DefaultQueue = " ";
        builder.AddReps([Rep("ana"), Rep("ana"), Rep("bruno")])
            .AddTeam(new SalesTeamId("emea"), Id("ana"), Id("ghost"))
            .AddTeamStep(new SalesTeamId("apac"), RepSelection.RoundRobin)
            .AddTeamStep(new SalesTeamId("emea"), RepSelection.LoadBalancing, "balanced")
            .AddTerritoryRules([
                new TerritoryRule { Name = "dach", Team = new SalesTeamId("nowhere"), Countries = [new CountryCode("DE")] },
                new TerritoryRule { Name = "dach", Team = new SalesTeamId("emea"), Languages = ["DE"], MinEmployees = 10, MaxEmployees = 5 }]);

        var error = Assert.Throws<RoutingPlanException>(builder.Build);

        Assert.Equal(
            new[]
            {
                "$.options.defaultQueue", "$.reps[1].id", "$.teams[0].members[1]", "$.steps[0].team", "$.steps[1].selection",
                "$.steps[2].rules[0].team", "$.steps[2].rules[1].name", "$.steps[2].rules[1].when.languages[0]", "$.steps[2].rules[1].when.minEmployees",
            },
            error.Errors.Select(e => e.Path).ToArray());
        Assert.Contains("DefaultQueue", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not a rep of the plan", error.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("Unknown team", error.Errors[3].Message, StringComparison.Ordinal);
        Assert.All(error.Errors, e => Assert.DoesNotContain("ghost", e.Message, StringComparison.Ordinal)); // the path names it
        Assert.Contains("MaxOpenLeads", error.Errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoSteps_Fails()
    {
        var error = Assert.Throws<RoutingPlanException>(() => new RoutingPlanBuilder().AddRep(Rep("ana")).Build());

        Assert.Equal("$.steps", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void Build_DuplicateStepNames_Fails()
    {
        var builder = new RoutingPlanBuilder().AddRep(Rep("ana")).AddAllReps(RepSelection.RoundRobin).AddAllReps(RepSelection.LoadBalancing);

        var error = Assert.Throws<RoutingPlanException>(builder.Build);

        Assert.Contains(error.Errors, e => e.Path == "$.steps[1].name");
    }

    [Fact]
    public void Build_AfterBuild_BuilderIsLocked()
    {
        var builder = new RoutingPlanBuilder().AddRep(Rep("ana")).AddAllReps(RepSelection.RoundRobin);
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.AddRep(Rep("bruno")));
        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void Build_OptionsChangedAfterBuild_PlanUnaffected()
    {
        var builder = new RoutingPlanBuilder().AddRep(Rep("ana", active: false)).AddAllReps(RepSelection.RoundRobin);
        builder.Options.DefaultQueue = "triage";
        var plan = builder.Build();

        builder.Options.DefaultQueue = "changed";

        Assert.Equal("triage", new RoutedPlan(plan, new TestLedger()).Assign(AnyLead(), Now).Queue);
    }
}
