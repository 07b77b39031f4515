using LeadKit.Abstractions.Configuration;
using System.Text;
using System.Text.Json;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing;
using LeadKit.Routing.Json;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

/// <summary>Regression tests for hostile routing input (issue 17: D5, D6, D8, D9, D10, BOM, plugin counting).</summary>
public sealed class RoutingInputHardeningTests
{
    private const string Secret = "jane.doe@example.com";

    private static RoutingPlanBuilder Builder() => new RoutingPlanBuilder()
        .AddReps([Rep("hans"), Rep("greta", weight: 2), Rep("ines")]);

    [Theory]
    [InlineData("""{ "version": 1, "steps": [ null ] }""", "$.steps[0]")]
    [InlineData("""{ "version": 1, "teams": [ null ], "steps": [ { "kind": "allReps" } ] }""", "$.teams[0]")]
    [InlineData("""{ "version": 1, "teams": [ { "id": "t", "members": [ null ] } ], "steps": [ { "kind": "allReps" } ] }""", "$.teams[0].members[0]")]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ null ] } ] }""", "$.steps[0].rules[0]")]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": { "field": "company.country", "op": "in", "values": [ null ] } } ] } ] }""", "$.steps[0].rules[0].when.values[0]")]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "territoryRules", "rules": [ { "name": "r", "team": "t", "when": { "any": [ null ] } } ] } ] }""", "$.steps[0].rules[0].when.any[0]")]
    public void Load_NullArrayEntry_IsAnErrorWithItsPath(string json, string path)
    {
        var loaded = RoutingPlanJson.Load(json, Builder());

        Assert.False(loaded.Succeeded);
        Assert.Contains(loaded.Problems, e => e.Path == path);
    }

    [Theory]
    [InlineData("""{ "version": 1, "version": 1, "steps": [ { "kind": "allReps" } ] }""")]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "allReps" } ], "steps": [ { "kind": "team", "team": "x" } ] }""")]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "allReps", "kind": "allReps" } ] }""")]
    [InlineData("""{ "version": 1, "options": { "name": "a", "name": "b" }, "steps": [ { "kind": "allReps" } ] }""")]
    public void Load_DuplicateKey_Refused(string json)
    {
        var loaded = RoutingPlanJson.Load(json, Builder());

        Assert.False(loaded.Succeeded);
        Assert.All(loaded.Problems, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Utf8Bom_AcceptedInTextAndBytes()
    {
        const string json = """{ "version": 1, "steps": [ { "kind": "allReps" } ] }""";

        var fromText = RoutingPlanJson.Load("\uFEFF" + json, Builder());
        var fromBytes = RoutingPlanJson.LoadUtf8((byte[])[.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)], Builder());

        Assert.True(fromText.Succeeded, string.Join(Environment.NewLine, fromText.Problems));
        Assert.True(fromBytes.Succeeded, string.Join(Environment.NewLine, fromBytes.Problems));
    }

    [Fact]
    public void Load_LoneSurrogateOrInvalidUtf8_IsAnErrorNotAnException()
    {
        var raw = "{ \"version\": 1, \"options\": { \"name\": \"a" + '\uD800' + "b\" }, \"steps\": [ { \"kind\": \"allReps\" } ] }";
        const string escaped = """{ "version": 1, "options": { "name": "a\ud800b" }, "steps": [ { "kind": "allReps" } ] }""";
        byte[] invalidUtf8 = [.. Encoding.UTF8.GetBytes("{ \"version\": 1, \"options\": { \"name\": \"a"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\" }, \"steps\": [ { \"kind\": \"allReps\" } ] }")];

        var fromRaw = RoutingPlanJson.Load(raw, Builder());
        var fromEscaped = RoutingPlanJson.Load(escaped, Builder());
        var fromBytes = RoutingPlanJson.LoadUtf8(invalidUtf8, Builder());

        Assert.False(fromRaw.Succeeded);
        Assert.Contains(fromEscaped.Problems, e => e.Path == "$.options.name");
        Assert.False(fromBytes.Succeeded);
    }

    [Theory]
    [InlineData("""{ "version": "one", "steps": [ { "kind": "allReps" } ] }""", "$.version")]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "allReps", "name": 7 } ] }""", "$.steps[0].name")]
    [InlineData("""{ "version": 1, "steps": { "kind": "allReps" } }""", "$.steps")]
    [InlineData("""{ "version": 1, "steps": [ { "kind": "allReps", "script": "x" } ] }""", "$.steps[0].script")]
    [InlineData("""{ "version": 1, "options": { "respectAvailability": "yes" }, "steps": [ { "kind": "allReps" } ] }""", "$.options.respectAvailability")]
    public void Load_WrongTypeOrUnknownProperty_MessageSpeaksConfigurationNotDotNet(string json, string path)
    {
        var loaded = RoutingPlanJson.Load(json, Builder());

        var error = Assert.Single(loaded.Problems);
        Assert.Equal(path, error.Path);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LeadKit.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name", "\u001b[31mred")]
    [InlineData("name", "evil\u202Etxt")]
    [InlineData("defaultQueue", "triage\nsecond line")]
    public void Load_ControlOrBidiCharacterInPlanOrQueueName_Refused(string option, string name)
    {
        var json = $$"""{ "version": 1, "options": { "{{option}}": {{JsonSerializer.Serialize(name)}} }, "steps": [ { "kind": "allReps" } ] }""";

        var loaded = RoutingPlanJson.Load(json, Builder());

        Assert.False(loaded.Succeeded);
        var error = Assert.Single(loaded.Problems);
        Assert.Equal("$.options", error.Path[..9]);
        Assert.DoesNotContain(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u001b[2J")]
    [InlineData("chat\u202Eduty")]
    [InlineData("tab\there")]
    public void Build_ControlOrBidiCharacterInStepOrRuleName_Refused(string name)
    {
        var stepName = Assert.Throws<ConfigurationException>(() => Builder().AddAllReps(RepSelection.RoundRobin, name).Build());
        var ruleName = Assert.Throws<ConfigurationException>(() => Builder()
            .AddTeam(new SalesTeamId("t"), Id("hans"))
            .AddTerritoryRules([new TerritoryRule { Name = name, Team = new("t") }])
            .Build());
        var options = Builder().AddAllReps(RepSelection.RoundRobin);
        options.Options.Name = name;
        var planName = Assert.Throws<ConfigurationException>(options.Build);

        Assert.Equal("$.steps[0].name", Assert.Single(stepName.Problems).Path);
        Assert.Equal("$.steps[0].rules[0].name", Assert.Single(ruleName.Problems).Path);
        Assert.Equal("$.options.name", Assert.Single(planName.Problems).Path);
        Assert.DoesNotContain(name, stepName.Message + ruleName.Message + planName.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_NeverEchoRepOrTeamIds()
    {
        var state = new TestLedger();
        var builder = new RoutingPlanBuilder().AddReps([Rep(Secret), Rep(Secret)])
            .AddTeam(new SalesTeamId("team-" + Secret), Id("nobody-" + Secret))
            .AddTeamStep(new SalesTeamId("unknown-" + Secret), RepSelection.LoadBalancing, "s")
            .AddAllReps(RepSelection.LoadBalancing);

        var error = Assert.Throws<ConfigurationException>(builder.Build);
        var release = Assert.Throws<InvalidOperationException>(() => state.ReleaseLead(Id(Secret)));
        var loaded = RoutingPlanJson.Load(
            $$"""{ "version": 1, "steps": [ { "kind": "{{Secret}}" }, { "kind": "allReps", "selection": "{{Secret}}" } ], "options": { "capacityPeriod": "{{Secret}}" } }""",
            Builder());

        Assert.DoesNotContain("example.com", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", release.Message, StringComparison.Ordinal);
        Assert.Equal(3, loaded.Problems.Length);
        Assert.All(loaded.Problems, e => Assert.DoesNotContain("example.com", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_AndResultText_CarryNoRepOrAccountIds()
    {
        var plan = Plan(new TestLedger(), b => b.AddReps([Rep(Secret), Rep("other", active: false)]).AddAllReps(RepSelection.RoundRobin));

        var (result, explanation) = plan.Explain(AnyLead());

        Assert.Equal(Secret, result.RepId.Value);
        Assert.DoesNotContain("example.com", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", explanation.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "version": 1, "reps": [ null ], "pools": [] }""", "$.reps[0]")]
    [InlineData("""{ "version": 1, "reps": [], "pools": [ null ] }""", "$.pools[0]")]
    [InlineData("""{ "version": 1, "reps": [], "pools": [ { "name": "p", "weights": [ null ] } ] }""", "$.pools[0].weights[0]")]
    [InlineData("""{ "version": 1, "reps": {}, "pools": [] }""", "$.reps")]
    [InlineData("""{ "version": 1, "version": 1, "reps": [], "pools": [] }""", "$.version")]
    [InlineData("""{ "version": 1, "reps": [ { "id": "a", "open": 1, "open": 2 } ], "pools": [] }""", "$.reps[0].open")]
    [InlineData("""{ "version": 1, "reps": [], "pools": [ { "name": "p", "assignments": 5, "weights": [ { "rep": "a", "count": -1000000 } ] } ] }""", "$.pools[0].weights[0].count")]
    [InlineData("""{ "version": 1, "reps": [], "pools": [ { "name": "p", "assignments": 5, "weights": [ { "rep": "a", "count": 6 } ] } ] }""", "$.pools[0].weights[0].count")]
    [InlineData("""{ "version": 1, "reps": [ { "id": "a", "assigned": 9223372036854775807 } ], "pools": [] }""", "$.reps[0].assigned")]
    [InlineData("""{ "version": 1, "reps": [], "pools": [ { "name": "p\u001b[0m" } ] }""", "$.pools[0].name")]
    [InlineData("""{ "version": "1", "reps": [], "pools": [] }""", "$.version")]
    public void FromJson_NullEntryDuplicateKeyOrOutOfRangeCount_ThrowsConfigurationExceptionWithPath(string json, string path)
    {
        var error = Assert.Throws<ConfigurationException>(() => TestLedger.FromJson(json));

        Assert.Equal(path, Assert.Single(error.Problems).Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LeadKit.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_RepIdsAreNotEchoed()
    {
        var error = Assert.Throws<ConfigurationException>(() => TestLedger.FromJson(
            $$"""{ "version": 1, "reps": [ { "id": "{{Secret}}" }, { "id": "{{Secret}}" } ], "pools": [] }"""));

        Assert.Equal("$.reps[1].id", Assert.Single(error.Problems).Path);
        Assert.DoesNotContain("example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_LoneSurrogateInvalidUtf8AndBom_OnlyConfigurationExceptionOrSuccess()
    {
        var raw = "{ \"version\": 1, \"reps\": [ { \"id\": \"a" + '\uDC00' + "\" } ], \"pools\": [] }";
        const string escaped = """{ "version": 1, "reps": [ { "id": "a\udc00" } ], "pools": [] }""";
        byte[] invalid = [.. Encoding.UTF8.GetBytes("{ \"version\": 1, \"reps\": [ { \"id\": \"a"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\" } ], \"pools\": [] }")];
        var json = new TestLedger().ToJson();

        Assert.Throws<ConfigurationException>(() => TestLedger.FromJson(raw));
        Assert.Equal("$.reps[0].id", Assert.Throws<ConfigurationException>(() => TestLedger.FromJson(escaped)).Problems[0].Path);
        Assert.Throws<ConfigurationException>(() => TestLedger.FromJson(invalid));
        Assert.Equal(json, TestLedger.FromJson("\uFEFF" + json).ToJson());
        Assert.Equal(json, TestLedger.FromJson([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]).ToJson());
    }

    [Fact]
    public void NegativeWeightedCount_CannotBeRestored_SoNoRepTakesEveryLead()
    {
        var state = new TestLedger();
        var plan = TeamPlan(state, RepSelection.WeightedRoundRobin, Rep("a"), Rep("b"));
        plan.Take(4);
        var json = state.ToJson().Replace("\"count\":2", "\"count\":-1000000", StringComparison.Ordinal);

        Assert.Throws<ConfigurationException>(() => TestLedger.FromJson(json));
    }

    [Fact]
    public void OpenLeads_AtIntMaxValue_NeverWrap_TheRepIsFullForEveryStep()
    {
        var state = new TestLedger();
        var plan = Plan(state, b => b.AddReps([Rep("a"), Rep("b")])
            .AddStep(_ => new FixedRepStep(Id("a")))
            .AddAllReps(RepSelection.RoundRobin));
        state.SetOpenLeads(Id("a"), int.MaxValue);

        var (result, explanation) = plan.Explain(AnyLead());
        var roundRobin = Plan(state, b => b.AddReps([Rep("a")]).AddAllReps(RepSelection.RoundRobin)).RouteTo();

        Assert.Equal("b", result.RepId.Value);
        Assert.Contains(explanation.Skipped, s => s.RepId == Id("a") && s.Reason == RepSkipReason.CounterLimitReached);
        Assert.Null(roundRobin);
        Assert.Equal(int.MaxValue, state.GetCounters(Id("a")).Open);
        Assert.Equal(0, state.GetCounters(Id("a")).Assigned);
    }

    [Fact]
    public void PluginStep_Choice_IsCountedLikeABuiltIn_AndCanBeReleased()
    {
        var state = new TestLedger();
        var plan = Plan(state, b => b.AddReps([Rep("ivo"), Rep("ines")])
            .AddStep(_ => new FixedRepStep(Id("ivo")))
            .AddAllReps(RepSelection.RoundRobin));

        var result = plan.Route(AnyLead(), Now);

        Assert.Equal("ivo", result.RepId.Value);
        Assert.Equal(Counters(1, 1, null, 0), state.GetCounters(Id("ivo")));
        Assert.Equal(1, state.TotalAssigned);
        state.ReleaseLead(Id("ivo"));
        Assert.Equal(0, state.GetCounters(Id("ivo")).Open);
    }

    [Fact]
    public void PluginStep_PeriodCapacityOfItsRep_IsCountedToo()
    {
        var state = new TestLedger();
        SalesRep[] reps = [Rep("ivo", maxPerPeriod: 10)];
        var plan = Plan(state, b => b.AddReps(reps).AddStep(_ => new FixedRepStep(Id("ivo"))));

        plan.RouteTo();
        plan.RouteTo();

        Assert.Equal(2, state.GetCounters(Id("ivo")).AssignedInPeriod);
    }

    [Fact]
    public void PluginStep_DelegatingToABuiltIn_IsCountedOnce()
    {
        var state = new TestLedger();
        var plan = Plan(state, b => b.AddReps([Rep("ivo")]).AddStep(context => new Delegating(context.CreateTeamStrategy(null, RepSelection.RoundRobin, "inner"))));

        plan.RouteTo();

        Assert.Equal(1, state.GetCounters(Id("ivo")).Assigned);
        Assert.Equal(1, state.GetCounters(Id("ivo")).Open);
    }

    [Fact]
    public void Counters_AtMaximumCount_RepAndWeightedPoolTakeNoMoreLeads()
    {
        var full = TestLedger.FromJson($$"""{ "version": 1, "reps": [ { "id": "a", "assigned": {{RoutingLedgerSnapshot.MaximumCount}} } ], "pools": [] }""");
        var pool = TestLedger.FromJson($$"""
            { "version": 1, "reps": [], "pools": [ { "name": "all/WeightedRoundRobin", "assignments": {{RoutingLedgerSnapshot.MaximumCount}},
              "weights": [ { "rep": "a", "count": {{RoutingLedgerSnapshot.MaximumCount}} } ] } ] }
            """);

        var fullRep = Plan(full, b => b.AddReps([Rep("a")]).AddAllReps(RepSelection.RoundRobin)).Route(AnyLead(), Now);
        var fullPool = Plan(pool, b => b.AddReps([Rep("a")]).AddAllReps(RepSelection.WeightedRoundRobin)).Route(AnyLead(), Now);

        Assert.Equal(UnassignedReason.NoEligibleRep, fullRep.Reason);
        Assert.Equal(RoutingLedgerSnapshot.MaximumCount, full.GetCounters(Id("a")).Assigned);
        Assert.Equal(UnassignedReason.NoEligibleRep, fullPool.Reason);
        Assert.Equal(0, pool.TotalAssigned);
    }

    [Fact]
    public void Build_TeamIdWithBidiOverride_Refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => Builder()
            .AddTeam(new SalesTeamId("dach‮xe"), Id("hans"))
            .AddAllReps(RepSelection.RoundRobin)
            .Build());

        Assert.Equal("$.teams[0].id", Assert.Single(error.Problems).Path);
    }

    private sealed class Delegating(IRoutingStrategy inner) : IRoutingStrategy
    {
        public string Name => "delegating";

        public RoutingDecision Decide(in RoutingContext context) => inner.Decide(context);
    }

    /// <summary>A plugin step that always picks one rep, as an application's "rep on duty" step would.</summary>
    internal sealed class FixedRepStep(SalesRepId rep) : IRoutingStrategy
    {
        public string Name => "on-duty";

        public RoutingDecision Decide(in RoutingContext context) => RoutingDecision.Assigned(rep, Name);
    }
}
