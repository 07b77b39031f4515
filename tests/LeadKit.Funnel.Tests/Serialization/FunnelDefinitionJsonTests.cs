using System.Text.Json.Nodes;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.Diagrams;
using LeadKit.Funnel.Serialization;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Tests.Support;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Serialization;

public sealed class FunnelDefinitionJsonTests
{
    [Fact]
    public void Write_ThenParse_TheDefaultFunnelRoundTripsToTheSameGraphAndText()
    {
        var registry = new FunnelGuardRegistry();
        var json = FunnelDefinitionJson.Write(Plain, registry);

        var parsed = FunnelDefinitionJson.Parse(json, registry);

        Assert.Equal(FunnelDiagrams.ToMermaid(Plain), FunnelDiagrams.ToMermaid(parsed));
        Assert.Equal(Plain.MainPath.ToArray(), parsed.MainPath.ToArray());
        Assert.Equal(TimeSpan.FromHours(48), parsed.GetMaxTimeInStage(FunnelStage.Mql));
        Assert.Equal(FunnelStage.Lead, parsed.RecycleEntryStage(FunnelStage.Lost));
        Assert.Equal(json, FunnelDefinitionJson.Write(parsed, registry));
        Assert.StartsWith("{\n  \"version\": 1,", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GuardsByRegisteredName_BuildTheQualifiedDefaultFunnelAndRoundTrip()
    {
        var registry = new FunnelGuardRegistry().AddQualificationGuards(new SignalCountScorer(), new ThresholdQualificationPolicy());
        var document = JsonNode.Parse(FunnelDefinitionJson.Write(Plain, new FunnelGuardRegistry()))!;
        document["stages"]!["lead"]!["transitions"]!["qualify"]!["guards"] = new JsonArray("qualified-mql");
        document["stages"]!["nurture"]!["transitions"]!["qualify"]!["guards"] = new JsonArray("qualified-mql");
        document["stages"]!["sal"]!["transitions"]!["qualify"]!["guards"] = new JsonArray("qualified-sql");

        var parsed = FunnelDefinitionJson.Parse(document.ToJsonString(), registry);
        var lead = parsed.Fire(parsed.Start(new Abstractions.Identifiers.LeadId("cold"), T0), FunnelTrigger.Qualify, T0).State;

        Assert.Equal(FunnelDiagrams.ToMermaid(Qualified), FunnelDiagrams.ToMermaid(parsed));
        Assert.Equal(FireOutcome.Refused, parsed.Fire(lead, FunnelTrigger.Qualify, T0, new TransitionDetails(Lead: LeadWithSignals("cold", 0))).Outcome);
        Assert.Equal(FireOutcome.Accepted, parsed.Fire(lead, FunnelTrigger.Qualify, T0, new TransitionDetails(Lead: LeadWithSignals("cold", 1))).Outcome);
        var written = FunnelDefinitionJson.Write(parsed, registry);
        Assert.Contains("\"qualified-sql\"", written, StringComparison.Ordinal);
        Assert.Equal(written, FunnelDefinitionJson.Write(FunnelDefinitionJson.Parse(written, registry), registry));
    }

    [Fact]
    public void Parse_UserGuardAndConfigureCallback_AreUsedLikeBuiltIns()
    {
        var entered = new List<FunnelStage>();
        var registry = new FunnelGuardRegistry().Add("has-actor", new TransitionGuard(static (in FunnelGuardContext c) => c.Lead is not null, "lead data supplied"));
        const string Json = """
            { "version": 1, "initialStage": "applied",
              "stages": {
                "applied": { "transitions": { "screen": { "to": "screened", "guards": ["has-actor"] } } },
                "screened": { "terminal": true } } }
            """;

        var definition = FunnelDefinitionJson.Parse(Json, registry, builder => builder.Configure(new FunnelStage("screened")).OnEntry(s => entered.Add(s.Stage)));
        var start = definition.Start(new Abstractions.Identifiers.LeadId("a"), T0);
        var refused = definition.Fire(start, new FunnelTrigger("screen"), T0);
        var accepted = definition.Fire(start, new FunnelTrigger("screen"), T0, new TransitionDetails(Lead: LeadWithSignals("a", 0)));
        definition.RunStageActions(accepted.State);

        Assert.Equal(["lead data supplied"], refused.UnmetGuards.ToArray());
        Assert.True(accepted.IsAccepted);
        Assert.Equal([new FunnelStage("screened")], entered);
    }

    [Fact]
    public void Parse_DocumentWithProblems_ReportsEveryProblemWithItsPathAndCode()
    {
        const string Json = """
            { "version": 1, "initialStage": "nowhere", "colour": "red",
              "stages": {
                "applied": { "maxTimeInStageHours": 0, "transitions": { "screen": { "to": "screened", "guards": ["no-such-guard", 3] }, "skip": { "to": "missing" } } },
                "screened": { "terminal": "yes", "recyclesInto": "ghost" } } }
            """;

        var error = Assert.Throws<ConfigurationException>(() => FunnelDefinitionJson.Parse(Json, new FunnelGuardRegistry()));

        Assert.Equal(
            [
                ("$.colour", ConfigurationProblemCodes.UnknownProperty),
                ("$.initialStage", ConfigurationProblemCodes.UnknownReference),
                ("$.stages.applied.maxTimeInStageHours", ConfigurationProblemCodes.OutOfRange),
                ("$.stages.applied.transitions.screen.guards[0]", ConfigurationProblemCodes.UnknownReference),
                ("$.stages.applied.transitions.screen.guards[1]", ConfigurationProblemCodes.WrongType),
                ("$.stages.applied.transitions.skip.to", ConfigurationProblemCodes.UnknownReference),
                ("$.stages.screened.terminal", ConfigurationProblemCodes.WrongType),
                ("$.stages.screened.recyclesInto", ConfigurationProblemCodes.UnknownReference),
            ],
            error.Problems.Select(p => (p.Path, p.Code)));
        Assert.DoesNotContain("no-such-guard", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WellFormedButInvalidDefinition_ReportsTheBuildersProblemsWithJsonPaths()
    {
        const string Json = """
            { "version": 1, "initialStage": "applied",
              "stages": { "applied": { "transitions": { "screen": { "to": "screened" } } }, "screened": { } } }
            """;

        var error = Assert.Throws<ConfigurationException>(() => FunnelDefinitionJson.Parse(Json, new FunnelGuardRegistry()));

        Assert.Contains(error.Problems, p => p.Path == "$.stages.screened.transitions" && p.Code == ConfigurationProblemCodes.Required);
        Assert.Contains(error.Problems, p => p.Path == "$.stages" && p.Code == ConfigurationProblemCodes.Required);
    }

    [Theory]
    [InlineData("""{ "initialStage": "a", "stages": {} }""", "$", ConfigurationProblemCodes.UnsupportedVersion)]
    [InlineData("""{ "version": 2, "initialStage": "a", "stages": {} }""", "$.version", ConfigurationProblemCodes.UnsupportedVersion)]
    [InlineData("""{ "version": 1, "stages": {}, "stages": {} }""", "$.stages", ConfigurationProblemCodes.DuplicateKey)]
    [InlineData("""{ "version": 1, /* no */ "stages": {} }""", "$", ConfigurationProblemCodes.InvalidJson)]
    [InlineData("""{ "version": 1, "initialStage": "a" }""", "$.stages", ConfigurationProblemCodes.Required)]
    [InlineData("""{ "version": 1, "initialStage": "a", "stages": { "a b": {} } }""", "$.stages[?]", ConfigurationProblemCodes.InvalidValue)]
    public void Parse_DocumentBreakingTheConvention_IsRefusedWithPathAndCode(string json, string path, string code)
    {
        var error = Assert.Throws<ConfigurationException>(() => FunnelDefinitionJson.Parse(json, new FunnelGuardRegistry()));

        Assert.Contains(error.Problems, p => p.Path.StartsWith(path, StringComparison.Ordinal) && p.Code == code);
    }

    [Fact]
    public void Write_GuardNotInTheRegistry_ThrowsNamingStageAndTrigger()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunnelDefinitionJson.Write(Qualified, new FunnelGuardRegistry()));

        Assert.Contains("Stage 'lead', trigger 'qualify'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_DuplicateNameOrGuard_IsRefused()
    {
        var guard = new TransitionGuard(static (in FunnelGuardContext _) => true, "always");
        var registry = new FunnelGuardRegistry().Add("always", guard);

        Assert.Equal("name", Assert.Throws<ArgumentException>(() => registry.Add("always", new TransitionGuard(static (in FunnelGuardContext _) => true, "x"))).ParamName);
        Assert.Equal("guard", Assert.Throws<ArgumentException>(() => registry.Add("again", guard)).ParamName);
        Assert.Equal("always", registry.NameOf(guard));
        Assert.Equal(["always"], registry.Names);
    }
}
