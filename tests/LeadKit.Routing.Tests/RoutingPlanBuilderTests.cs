using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
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
                new TerritoryRule { Name = "dach", Team = new SalesTeamId("nowhere"), When = In(LeadField.Country, "DE") },
                new TerritoryRule
                {
                    Name = "dach",
                    Team = new SalesTeamId("emea"),
                    When = FieldCondition.All(In(LeadField.Language, string.Empty), FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.Between, [], 10, 5)),
                }]);

        var error = Assert.Throws<ConfigurationException>(builder.Build);

        Assert.Equal(
            new[]
            {
                "$.options.defaultQueue", "$.reps[1].id", "$.teams[0].members[1]", "$.steps[0].team", "$.steps[1].selection",
                "$.steps[2].rules[0].team", "$.steps[2].rules[1].name", "$.steps[2].rules[1].when.all[0].values[0]", "$.steps[2].rules[1].when.all[1].max",
            },
            error.Problems.Select(e => e.Path).ToArray());
        Assert.Equal(ConfigurationProblemCodes.InvalidValue, error.Problems[0].Code);
        Assert.Equal(ConfigurationProblemCodes.UnknownReference, error.Problems[2].Code);
        Assert.Equal(ConfigurationProblemCodes.UnknownReference, error.Problems[3].Code);
        Assert.Equal(ConfigurationProblemCodes.DuplicateName, error.Problems[6].Code);
        Assert.Equal(ConfigurationProblemCodes.OutOfRange, error.Problems[8].Code);
        Assert.All(error.Problems, e => Assert.DoesNotContain("ghost", e.Message, StringComparison.Ordinal)); // the path names it
        Assert.Contains("MaxOpenLeads", error.Problems[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoSteps_Fails()
    {
        var error = Assert.Throws<ConfigurationException>(() => new RoutingPlanBuilder().AddRep(Rep("ana")).Build());

        Assert.Equal("$.steps", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Build_DuplicateStepNames_Fails()
    {
        var builder = new RoutingPlanBuilder().AddRep(Rep("ana")).AddAllReps(RepSelection.RoundRobin).AddAllReps(RepSelection.LoadBalancing);

        var error = Assert.Throws<ConfigurationException>(builder.Build);

        Assert.Contains(error.Problems, e => e.Path == "$.steps[1].name");
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

        Assert.Equal("triage", new RoutedPlan(plan, new TestLedger()).Route(AnyLead(), Now).Queue);
    }

    [Fact]
    public void OptionsValidate_InvalidOptions_ProblemsAtTheirPropertiesWithCodesAndNoValues()
    {
        var options = new RoutingPlanOptions { Name = "bad\u001b[31m", CapacityPeriod = (CapacityPeriod)9, DefaultQueue = " ", ProductField = default };

        var problems = options.Validate();

        Assert.Equal(
            [
                ("RoutingPlanOptions.Name", ConfigurationProblemCodes.InvalidValue),
                ("RoutingPlanOptions.CapacityPeriod", ConfigurationProblemCodes.InvalidValue),
                ("RoutingPlanOptions.DefaultQueue", ConfigurationProblemCodes.InvalidValue),
                ("RoutingPlanOptions.ProductField", ConfigurationProblemCodes.Required),
            ],
            problems.Select(p => (p.Path, p.Code)));
        Assert.All(problems, p => Assert.DoesNotContain("[31m", p.Message, StringComparison.Ordinal));
        Assert.Empty(new RoutingPlanOptions().Validate());
    }
}
