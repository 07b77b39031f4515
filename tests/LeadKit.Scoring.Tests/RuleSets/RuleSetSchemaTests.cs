using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;

namespace LeadKit.Scoring.Tests.RuleSets;

/// <summary>
/// The published JSON Schema (docs/schemas/scoring-rules.schema.json) is the one generated from the kinds' descriptors,
/// lists exactly the properties the parser accepts for every rule and decay kind, and accepts and refuses what the
/// parser does, for documents the schema can judge: every operator's allowed properties, names, lengths and required
/// parts. (Duplicate keys, invalid text, repeated names and the order of decay steps are beyond a schema: the parser
/// alone checks them, as the schema's description says.)
/// </summary>
public class RuleSetSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(FindSchema()));

    public static TheoryData<string> Conditions =>
    [
        """{ "field": "company.country", "op": "equals", "value": "DE" }""",
        """{ "field": "company.country", "op": "equals", "values": ["DE"] }""",
        """{ "field": "company.country", "op": "equals", "values": ["DE", "BR"] }""",
        """{ "field": "company.country", "op": "notEquals", "values": ["DE", "BR"] }""",
        """{ "field": "company.country", "op": "notEquals", "value": "DE" }""",
        """{ "field": "company.country", "op": "in", "values": ["DE", "BR"] }""",
        """{ "field": "company.country", "op": "in", "value": "DE" }""",
        """{ "field": "company.country", "op": "in", "values": ["DE"], "min": 3 }""",
        """{ "field": "company.country", "op": "in" }""",
        """{ "field": "company.country", "op": "contains", "values": ["gmbh"], "max": 3 }""",
        """{ "field": "company.country", "op": "exists" }""",
        """{ "field": "company.country", "op": "exists", "values": ["DE"] }""",
        """{ "field": "company.country", "op": "notExists", "max": 3 }""",
        """{ "field": "consent.marketing", "op": "isTrue" }""",
        """{ "field": "consent.marketing", "op": "isTrue", "value": "yes" }""",
        """{ "field": "consent.marketing", "op": "isFalse", "min": 1 }""",
        """{ "field": "company.employeeCount", "op": "equals", "value": 10 }""",
        """{ "field": "company.employeeCount", "op": "equals", "min": 10 }""",
        """{ "field": "company.employeeCount", "op": "equals", "value": 10, "max": 50 }""",
        """{ "field": "company.employeeCount", "op": "atLeast", "min": 10 }""",
        """{ "field": "company.employeeCount", "op": "atLeast", "min": 10, "max": 50 }""",
        """{ "field": "company.employeeCount", "op": "atLeast", "value": 10 }""",
        """{ "field": "company.employeeCount", "op": "atMost", "max": 50 }""",
        """{ "field": "company.employeeCount", "op": "atMost", "min": 10, "max": 50 }""",
        """{ "field": "company.employeeCount", "op": "atMost", "value": 10, "max": 50 }""",
        """{ "field": "company.employeeCount", "op": "between", "min": 1, "max": 5 }""",
        """{ "field": "company.employeeCount", "op": "between", "min": 1 }""",
        """{ "field": "company.employeeCount", "op": "between", "min": 1, "max": 5, "values": ["x"] }""",
        """{ "field": "custom", "key": "plan", "op": "equals", "values": ["pro"] }""",
        """{ "field": "custom", "key": "plan", "op": "equals", "values": ["pro"], "min": 3 }""",
        """{ "field": "custom", "key": "plan", "op": "equals", "value": "pro", "min": 3 }""",
        """{ "field": "custom", "key": "seats", "op": "between", "min": 1, "max": 9 }""",
        """{ "field": "custom", "key": "seats", "op": "atLeast", "value": 3 }""",
        """{ "all": [ { "field": "company.country", "op": "exists" }, { "not": { "field": "consent.marketing", "op": "isTrue", "min": 1 } } ] }""",
        """{ "all": [ { "field": "company.country", "op": "exists" }, { "not": { "field": "consent.marketing", "op": "isTrue" } } ] }""",
        $$"""{ "field": "company.industry", "op": "in", "values": ["{{new string('x', 1024)}}"] }""",
        $$"""{ "field": "company.industry", "op": "in", "values": ["{{new string('x', 1025)}}"] }""",
        """{ "field": "company.industry", "op": "in", "values": [""] }""",
    ];

    public static TheoryData<string> Names => ["plain name", "Ünïcode ✓ 名前", "red\\u001b[31m", "evil\\u202Egnp.exe", "two\\nlines", "zero\\u200Bwidth", "   ", "", new string('x', 129)];

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Condition_SchemaAndParser_Agree(string condition)
        => AssertAgree($$"""{ "version": 1, "rules": [ { "name": "a", "type": "attribute", "points": 5, "when": {{condition}} } ] }""");

    [Theory]
    [MemberData(nameof(Names))]
    public void RuleAndGroupName_SchemaAndParser_Agree(string name)
    {
        AssertAgree($$"""{ "version": 1, "rules": [ { "name": "{{name}}", "type": "inactivity", "days": 60, "points": -5 } ] }""");
        AssertAgree($$"""{ "version": 1, "groups": [ { "name": "{{name}}", "dimension": "fit" } ], "rules": [] }""");
    }

    [Theory]
    [InlineData("b2b")]
    [InlineData("a_model_name_of_exactly_sixty_four_characters_xxxxxxxxxxxxxxxxxx")]
    [InlineData("a_model_name_of_sixty_five_characters_xxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("bidi\\u202E")]
    public void ModelName_SchemaAndParser_Agree(string name)
        => AssertAgree($$"""{ "version": 1, "name": "{{name}}", "rules": [] }""");

    [Fact]
    public void DocumentedExample_SchemaAndParser_BothAccept()
        => AssertAgree(ScoringRuleSetTests.ExampleJson);

    [Fact]
    public void CommittedSchema_EqualsTheOneGeneratedFromTheDescriptors()
    {
        var generated = ScoringRuleSet.GetJsonSchema();
        var path = FindSchema();
        if (Environment.GetEnvironmentVariable("LEADKIT_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(
            string.Equals(generated, File.ReadAllText(path).ReplaceLineEndings("\n"), StringComparison.Ordinal),
            "docs/schemas/scoring-rules.schema.json is not the generated schema: run the Scoring tests once with LEADKIT_UPDATE_SCHEMA=1 and commit the file.");
    }

    public static TheoryData<string> RuleKindNames => [.. ScoringRuleKinds.Default.RuleKinds.Select(k => k.TypeName)];

    public static TheoryData<string> DecayKindNames => [.. ScoringRuleKinds.Default.DecayKinds.Select(k => k.TypeName)];

    [Theory]
    [MemberData(nameof(RuleKindNames))]
    public void RuleKind_PropertiesTheSchemaLists_AreExactlyThoseTheParserAccepts(string typeName)
    {
        var variant = Variants("rule").Single(v => (string?)v["properties"]!["type"]!["const"] == typeName);
        var listed = variant["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        foreach (var property in Candidates("rule"))
        {
            var json = $$"""{ "version": 1, "rules": [ { "name": "a", "type": "{{typeName}}", "{{property}}": 0 } ] }""";
            var refused = Unknown(json, "$.rules[0]." + property);
            Assert.True(refused != listed.Contains(property), $"{typeName}.{property}: the parser {(refused ? "refuses" : "accepts")} it, the schema {(listed.Contains(property) ? "lists" : "does not list")} it");
        }
    }

    [Theory]
    [MemberData(nameof(DecayKindNames))]
    public void DecayKind_PropertiesTheSchemaLists_AreExactlyThoseTheParserAccepts(string typeName)
    {
        var variant = Variants("decay").Single(v => (string?)v["properties"]!["type"]!["const"] == typeName);
        var listed = variant["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        foreach (var property in Candidates("decay"))
        {
            var json = $$"""{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["page_view"], "points": 1, "decay": { "type": "{{typeName}}", "{{property}}": 0 } } ] }""";
            var refused = Unknown(json, "$.rules[0].decay." + property);
            Assert.True(refused != listed.Contains(property), $"{typeName}.{property}: the parser {(refused ? "refuses" : "accepts")} it, the schema {(listed.Contains(property) ? "lists" : "does not list")} it");
        }
    }

    private static JsonObject[] Variants(string definition)
        => [.. JsonNode.Parse(ScoringRuleSet.GetJsonSchema())!["$defs"]![definition]!["oneOf"]!.AsArray().Select(v => v!.AsObject())];

    // Every property any kind of the definition lists, and one no kind does.
    private static string[] Candidates(string definition)
        => [.. Variants(definition).SelectMany(v => v["properties"]!.AsObject().Select(p => p.Key)).Where(p => p != "type").Distinct(StringComparer.Ordinal), "notAProperty"];

    private static bool Unknown(string json, string path)
    {
        ScoringRuleSet.TryParse(json, null, out _, out var problems);
        return problems.Any(p => p.Path == path && p.Code == ConfigurationProblemCodes.UnknownProperty);
    }

    private static void AssertAgree(string json)
    {
        var parsed = ScoringRuleSet.TryParse(json, null, out _, out var problems);
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        var schemaErrors = (result.Details ?? []).Where(d => d.Errors is not null).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Keys)}");
        Assert.True(
            parsed == result.IsValid,
            $"parser {(parsed ? "accepts" : "refuses: " + string.Join("; ", problems))}; schema {(result.IsValid ? "accepts" : "refuses: " + string.Join("; ", schemaErrors))}");
    }

    private static string FindSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "schemas", "scoring-rules.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/schemas/scoring-rules.schema.json was not found above the test binaries.");
    }
}
