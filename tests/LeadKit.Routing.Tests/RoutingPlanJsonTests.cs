using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Routing;
using LeadKit.Routing.Json;
using LeadKit.Testing;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class RoutingPlanJsonTests
{
    private const string Document = """
        {
          "version": 1,
          "options": { "name": "emea-inbound", "capacityPeriod": "month", "defaultQueue": "inbound-triage", "productField": "product" },
          "teams": [
            { "id": "dach", "members": ["hans", "greta"] },
            { "id": "inbound", "members": ["ines"] }
          ],
          "steps": [
            { "kind": "accountOwnership" },
            { "kind": "territoryRules", "rules": [
              { "name": "dach-enterprise", "when": { "all": [ { "field": "company.country", "op": "in", "values": ["DE", "AT", "CH"] }, { "field": "company.employeeCount", "op": "atLeast", "min": 500 } ] }, "team": "dach", "selection": "weightedRoundRobin" },
              { "name": "webinar-pt", "when": { "all": [ { "field": "source", "op": "equals", "value": "webinar" }, { "field": "contact.language", "op": "equals", "value": "pt" } ] }, "team": "inbound" }
            ] },
            { "kind": "allReps", "name": "everyone", "selection": "roundRobin" }
          ]
        }
        """;

    private static RoutingPlanBuilder Builder() => new RoutingPlanBuilder()
        .AddReps([Rep("hans"), Rep("greta", weight: 2), Rep("ines"), Rep("carla")]);

    [Fact]
    public void Load_ValidDocument_RoutesAsDescribed()
    {
        var loaded = RoutingPlanJson.Load(Document, Builder(), new OneOwner(new AccountId("acme"), Id("carla")));

        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Problems));
        var plan = new RoutedPlan(loaded.Plan!, new TestLedger());
        Assert.Equal("emea-inbound", plan.Plan.Name);
        Assert.Equal(["account-ownership", "territory-rules", "everyone"], plan.Steps.Select(s => s.Name));
        Assert.Equal("carla", plan.RouteTo(LeadBuilder.New().OfAccount("acme").Build()));
        Assert.Equal("greta", plan.RouteTo(LeadBuilder.New().AtCompany(country: "AT", employees: 800).Build())); // weight 2 of 3
        Assert.Equal("hans", plan.RouteTo(LeadBuilder.New().AtCompany(country: "AT", employees: 800).Build()));
        Assert.Equal("hans", plan.RouteTo(LeadBuilder.New().AtCompany(country: "US").Build())); // everyone: hans is first in rotation
    }

    [Fact]
    public void Load_UnknownProperty_RejectedWithPath()
    {
        var loaded = RoutingPlanJson.Load("""{ "version": 1, "steps": [ { "kind": "allReps", "script": "rm -rf /" } ] }""", Builder());

        Assert.False(loaded.Succeeded);
        var error = Assert.Single(loaded.Problems);
        Assert.Equal("$.steps[0].script", error.Path);
    }

    [Fact]
    public void Load_ManyProblems_ReportsEveryProblemWithItsPath()
    {
        const string json = """
            {
              "version": 1,
              "options": { "capacityPeriod": "fortnight" },
              "teams": [ { "id": "dach", "members": ["hans", "", "nobody"] } ],
              "steps": [
                { "kind": "lottery" },
                { "kind": "team", "team": "dach", "selection": "random" },
                { "kind": "territoryRules", "rules": [ { "name": "x", "when": { "all": [ { "field": "company.country", "op": "in", "values": [""] }, { "field": "company.size", "op": "in", "values": ["x"] } ] }, "team": "apac" } ] },
                { "kind": "accountOwnership" }
              ]
            }
            """;

        var loaded = RoutingPlanJson.Load(json, Builder());

        Assert.Equal(
            new[]
            {
                "$.options.capacityPeriod", "$.teams[0].members[1]", "$.steps[0].kind", "$.steps[1].selection",
                "$.steps[2].rules[0].when.all[1].field", "$.steps[3]",
                "$.teams[0].members[2]", "$.steps[2].rules[0].team",
            },
            loaded.Problems.Select(e => e.Path).ToArray());
        Assert.All(loaded.Problems, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Load_TooLongOrTooDeep_Rejected()
    {
        var tooLong = RoutingPlanJson.Load(new string(' ', RoutingPlanJson.MaximumBytes + 1), Builder());
        var tooDeep = RoutingPlanJson.Load("""{ "version": 1, "teams": [ { "id": "t", "members": """ + new string('[', 40) + new string(']', 40) + "} ] }", Builder());

        Assert.Equal(ConfigurationProblemCodes.TooLarge, Assert.Single(tooLong.Problems).Code);
        Assert.False(tooDeep.Succeeded);
        Assert.StartsWith("$.teams[0].members", Assert.Single(tooDeep.Problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Malformed_ErrorWithPath()
    {
        var loaded = RoutingPlanJson.Load("""{ "version": 1, "steps": [ { "kind": 3 } ] }""", Builder());

        Assert.Equal("$.steps[0].kind", Assert.Single(loaded.Problems).Path);
    }

    [Fact]
    public void Provider_TryReplace_BadDocumentKeepsPlanInUseAndGoodDocumentSwapsAtomically()
    {
        var state = new TestLedger();
        var original = Plan(state, b => b.AddReps([Rep("hans"), Rep("ines")]).AddAllReps(RepSelection.RoundRobin));
        var provider = new RoutingPlanProvider(original.Plan);
        var router = new RoutedPlan(provider, state);
        Assert.Equal("hans", router.RouteTo());

        var bad = RoutingPlanJson.Load("""{ "version": 1, "steps": [ { "kind": "team", "team": "missing" } ] }""", new RoutingPlanBuilder().AddReps([Rep("hans"), Rep("ines")]));
        Assert.False(provider.TryReplace(bad));
        Assert.Same(original.Plan, provider.Current);
        Assert.Equal("$.steps[0].team", Assert.Single(provider.Status.LastRejection!.Problems).Path);
        Assert.Equal(1, provider.Status.Version);

        var good = RoutingPlanJson.Load("""{ "version": 1, "options": { "name": "v2" }, "steps": [ { "kind": "allReps" } ] }""", new RoutingPlanBuilder().AddReps([Rep("hans"), Rep("ines")]));
        Assert.True(provider.TryReplace(good));
        Assert.Equal("v2", provider.Current.Name);
        Assert.Equal(2, provider.Status.Version);
        Assert.Equal("ines", router.RouteTo()); // same pool name and state: the rotation continues
    }

    [Theory]
    [InlineData("""{ "steps": [ { "kind": "allReps" } ] }""", "$.version", ConfigurationProblemCodes.UnsupportedVersion)]
    [InlineData("""{ "version": 2, "steps": [ { "kind": "allReps" } ] }""", "$.version", ConfigurationProblemCodes.UnsupportedVersion)]
    [InlineData("""{ "version": 1 }""", "$.steps", ConfigurationProblemCodes.Required)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": { "field": "company.country", "op": "in", "values": ["DE"], "script": "x" } } ] } ] }""", "$.steps[0].rules[0].when.script", ConfigurationProblemCodes.UnknownProperty)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": { "field": "company.country", "op": "atLeast", "min": 3 } } ] } ] }""", "$.steps[0].rules[0].when.op", ConfigurationProblemCodes.Conflict)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": { "field": "company.country", "op": "in", "values": ["DE"], "all": [] } } ] } ] }""", "$.steps[0].rules[0].when", ConfigurationProblemCodes.Conflict)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "allReps", "team": "t" } ] }""", "$.steps[0].team", ConfigurationProblemCodes.UnknownProperty)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": null } ] } ] }""", "$.steps[0].rules[0].when", ConfigurationProblemCodes.WrongType)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": { "field": "custom", "op": "in", "values": ["x"] } } ] } ] }""", "$.steps[0].rules[0].when.key", ConfigurationProblemCodes.Required)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": { "field": "company.country", "key": "k", "op": "in", "values": ["x"] } } ] } ] }""", "$.steps[0].rules[0].when.key", ConfigurationProblemCodes.UnknownProperty)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": { "field": "company.country", "op": "in", "min": 3, "values": ["x"] } } ] } ] }""", "$.steps[0].rules[0].when.min", ConfigurationProblemCodes.UnknownProperty)]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "lottery" } ] }""", "$.steps[0].kind", ConfigurationProblemCodes.UnknownType)]
    public void Load_Problem_HasItsPathAndStableCode(string json, string path, string code)
    {
        var builder = new RoutingPlanBuilder().AddReps([Rep("hans")]).AddTeam(new SalesTeamId("t"), Id("hans"));

        var problem = Assert.Single(RoutingPlanJson.Load(json, builder).Problems);

        Assert.Equal((path, code), (problem.Path, problem.Code));
    }

    [Fact]
    public async Task LoadAsync_Stream_ReadsTheSamePlanAsText()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Document));

        var loaded = await RoutingPlanJson.LoadAsync(stream, Builder(), new OneOwner(new AccountId("acme"), Id("carla")));

        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Problems));
        Assert.Equal(["account-ownership", "territory-rules", "everyone"], loaded.Plan!.Steps.Select(s => s.Name));
    }

    [Fact]
    public void GetPlanOrThrow_Problems_ThrowConfigurationExceptionWithEveryProblem()
    {
        var loaded = RoutingPlanJson.Load("""{ "version": 1, "steps": [ { "kind": "team", "team": "missing" } ] }""", Builder());

        var error = Assert.Throws<ConfigurationException>(loaded.GetPlanOrThrow);

        Assert.Equal(loaded.Problems, error.Problems);
        Assert.Equal(ConfigurationProblemCodes.UnknownReference, Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void Load_AnyAndNotConditions_RouteAsTheConditionSays()
    {
        const string json = """
            { "version": 1,
              "teams": [ { "id": "t", "members": ["greta"] } ],
              "steps": [
                { "kind": "territoryRules", "rules": [ { "name": "dach-not-small", "team": "t",
                  "when": { "all": [ { "any": [ { "field": "company.country", "op": "equals", "value": "de" }, { "field": "company.country", "op": "equals", "value": "AT" } ] },
                                     { "not": { "field": "company.employeeCount", "op": "atMost", "max": 10 } } ] } } ] },
                { "kind": "allReps", "name": "everyone" } ] }
            """;
        var loaded = RoutingPlanJson.Load(json, Builder());
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Problems));
        var plan = loaded.Plan!;

        string? DecidedBy(LeadKit.Abstractions.Leads.Lead lead) => plan.Decide(new RoutingContext(lead, Now, RoutingLedgerSnapshot.Empty)).DecidedBy;

        Assert.Equal("territory-rules", DecidedBy(LeadBuilder.New().AtCompany(country: "DE", employees: 50).Build())); // "de" ignores case
        Assert.Equal("territory-rules", DecidedBy(LeadBuilder.New().AtCompany(country: "AT").Build()));                 // no size: not(atMost) holds
        Assert.Equal("everyone", DecidedBy(LeadBuilder.New().AtCompany(country: "DE", employees: 10).Build()));
        Assert.Equal("everyone", DecidedBy(LeadBuilder.New().AtCompany(country: "CH", employees: 50).Build()));
    }

    private sealed class OneOwner(AccountId account, SalesRepId owner) : IAccountOwnerDirectory
    {
        public ValueTask<SalesRepId?> GetOwnerAsync(AccountId candidate, CancellationToken cancellationToken = default)
            => new(candidate == account ? owner : null);
    }
}
