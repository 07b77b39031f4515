using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.RuleSets;

public class ScoringRuleSetTests
{
    internal static string ExampleJson { get; } = File.ReadAllText(FindExample());

    [Fact]
    public void Parse_DocumentedExample_ScoresLikeTheSameModelBuiltInCode()
    {
        var fromJson = ScoringRuleSet.Parse(ExampleJson).Model;
        var fromCode = SalesModels.B2B();
        var leads = TestLeads.Generate(2000, seed: 11);

        Assert.Equal("b2b", fromJson.Name);
        Assert.Equal(string.Join(",", fromCode.RuleNames), string.Join(",", fromJson.RuleNames));
        foreach (var lead in leads)
        {
            Assert.Equal(fromCode.Score(lead, LeadBuilder.Now), fromJson.Score(lead, LeadBuilder.Now));
        }
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEachWithItsJsonPath()
    {
        const string json = """
            {
              "version": 1,
              "rules": [
                { "name": "a", "type": "attribute", "points": 1, "when": { "field": "company.size", "op": "atLeast", "min": 5 } },
                { "name": "b", "type": "signal", "signals": ["Page View"], "points": 2 },
                { "name": "c", "type": "attribute", "points": 1e300, "when": { "field": "company.industry", "op": "between", "min": 1, "max": 2 } },
                { "name": "d", "type": "signal", "signals": ["page_view"], "points": 2000000, "decay": { "type": "linear" } },
                { "name": "a", "type": "teleport", "points": 1 }
              ]
            }
            """;

        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(json));

        var lines = ex.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains(lines, l => l.StartsWith("$.rules[0].when.field: must be one of", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.rules[1].signals[0]: must be a lower-case machine name", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.rules[2].when.op: 'between' cannot be used with the text field", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.rules[3].decay.lifetimeDays: is required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.rules[4].type: must be one of", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.rules[4].name: repeats the name of rules[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PointsOutOfRange_ReportsThePath()
    {
        const string json = """{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["page_view"], "points": 2000000 } ] }""";

        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(json));

        Assert.Equal("$.rules[0].points", Assert.Single(ex.Problems).Path);
    }

    [Theory]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["page_view"], "points": "ten" } ] }""", "$.rules[0].points")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["page_view"], "points": 1e400 } ] }""", "$.rules[0].points")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["page_view"], "points": 1, "expression": "DROP" } ] }""", "$.rules[0]")]
    [InlineData("""{ "version": 1, "rules": [ """, "$")]
    [InlineData("[]", "$")]
    [InlineData("null", "$")]
    public void Parse_StructuralError_ReportsWhereItIs(string json, string pathPrefix)
    {
        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(json));

        Assert.StartsWith(pathPrefix, Assert.Single(ex.Problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLarge_IsRejected()
    {
        var json = "{ \"version\": 1, \"name\": \"" + new string('x', ScoringRuleSet.MaximumDocumentBytes) + "\", \"rules\": [] }";

        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(json));

        Assert.Equal(ConfigurationProblemCodes.TooLarge, Assert.Single(ex.Problems).Code);
    }

    [Fact]
    public void Parse_TooManyRules_IsRejected()
    {
        var rules = string.Join(",", Enumerable.Range(0, ScoringRuleSet.MaximumRules + 1).Select(i => $$"""{ "version": 1, "name": "r{{i}}", "type": "inactivity", "days": 30, "points": -1 }"""));

        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse("{ \"version\": 1, \"rules\": [" + rules + "] }"));

        Assert.Equal("$.rules", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public void Parse_ConditionsTooDeep_AreRejected()
    {
        var condition = """{ "field": "consent.doNotContact", "op": "isTrue" }""";
        for (var i = 0; i < 12; i++)
        {
            condition = "{ \"not\": " + condition + " }";
        }

        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse("{ \"version\": 1, \"rules\": [ { \"name\": \"deep\", \"type\": \"attribute\", \"points\": -1, \"when\": " + condition + " } ] }"));

        Assert.Contains(ex.Problems, p => p.Message.Contains("deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CustomAttributeCondition_IsTyped()
    {
        const string json = """
            { "version": 1, "rules": [
              { "name": "pro_plan", "type": "attribute", "points": 10, "when": { "field": "custom", "key": "plan", "op": "equals", "value": "pro" } },
              { "name": "many_seats", "type": "attribute", "points": 5, "when": { "field": "custom", "key": "seats", "op": "atLeast", "min": 20 } }
            ] }
            """;
        var model = ScoringRuleSet.Parse(json).Model;
        var lead = LeadBuilder.New().WithField("plan", CustomFieldValue.FromText("pro")).WithField("seats", CustomFieldValue.FromNumber(25)).Build();

        Assert.Equal(15, model.Score(lead, LeadBuilder.Now).Fit);
    }

    [Fact]
    public void ToJson_ParsedAgain_GivesTheSameDocument()
    {
        var first = ScoringRuleSet.Parse(ExampleJson);
        var json = first.ToJson();
        var second = ScoringRuleSet.Parse(json);

        Assert.Equal(json, second.ToJson());
    }

    private static string FindExample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "examples", "b2b-scoring-rules.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/examples/b2b-scoring-rules.json was not found above the test binaries.");
    }

    [Theory]
    [InlineData("""{ "rules": [] }""")]
    [InlineData("""{ "version": 2, "rules": [] }""")]
    [InlineData("""{ "version": "1", "rules": [] }""")]
    public void Parse_WithoutVersionOne_IsRefusedAtTheVersion(string json)
    {
        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(json));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("$.version", ConfigurationProblemCodes.UnsupportedVersion), (problem.Path, problem.Code));
    }

    [Fact]
    public async Task ParseAsync_FromAStream_ReadsTheSameRuleSetAsParse()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ExampleJson));

        var fromStream = await ScoringRuleSet.ParseAsync(stream);

        Assert.Equal(ScoringRuleSet.Parse(ExampleJson).ToJson(), fromStream.ToJson());
    }

    [Fact]
    public async Task ParseAsync_AStreamLargerThanTheLimit_IsRefusedWithoutReadingItAll()
    {
        using var stream = new MemoryStream(new byte[(ScoringRuleSet.MaximumDocumentBytes * 2) + 10]);

        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => ScoringRuleSet.ParseAsync(stream));

        Assert.Equal(ConfigurationProblemCodes.TooLarge, Assert.Single(ex.Problems).Code);
        Assert.True(stream.Position <= ScoringRuleSet.MaximumDocumentBytes + 4, $"read {stream.Position} bytes");
    }
}
