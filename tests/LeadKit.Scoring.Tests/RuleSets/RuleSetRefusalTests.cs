using System.Collections.Immutable;
using System.Text;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.RuleSets;

/// <summary>Hostile and sloppy documents (issue 17): each is refused with a path, or accepted where the format says so.</summary>
public class RuleSetRefusalTests
{
    private const string Prefix = """{ "version": 1, "name": "t", "rules": [ { "name": "a", "type": "attribute", "points": 5, "when": """;
    private const string Suffix = " } ] }";

    private static string WithCondition(string condition) => Prefix + condition + Suffix;

    private static ImmutableArray<ConfigurationProblem> Refused(string json)
    {
        Assert.False(ScoringRuleSet.TryParse(json, null, out var ruleSet, out var problems));
        Assert.Null(ruleSet);
        Assert.NotEmpty(problems);
        return problems;
    }

    private static ImmutableArray<ConfigurationProblem> Refused(byte[] utf8)
    {
        Assert.False(ScoringRuleSet.TryParse(utf8, null, out var ruleSet, out var problems));
        Assert.Null(ruleSet);
        Assert.NotEmpty(problems);
        return problems;
    }

    [Fact]
    public void TryParse_EscapedLoneSurrogateInAConditionValue_ReportsThePathInsteadOfThrowing()
    {
        var problems = Refused(WithCondition("""{ "field": "company.country", "op": "equals", "value": "\ud800" }"""));

        var problem = Assert.Single(problems);
        Assert.Equal("$.rules[0].when.value", problem.Path);
        Assert.Contains("unpaired surrogate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_InvalidUtf8InAConditionValue_ReportsThePathInsteadOfThrowing()
    {
        var json = Encoding.UTF8.GetBytes(WithCondition("""{ "field": "company.country", "op": "equals", "value": "DE#" }"""));
        json[Array.IndexOf(json, (byte)'#')] = 0xFF;

        var problem = Assert.Single(Refused(json));

        // The shared document policy checks the text as a whole before reading it, so the problem is at the root.
        Assert.Equal(("$", ConfigurationProblemCodes.InvalidText), (problem.Path, problem.Code));
        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LoneSurrogateInTheTextGiven_IsRefusedNotReplaced()
    {
        // Built in code: an xunit [InlineData] string would carry U+FFFD instead of the lone surrogate.
        var json = "{ \"version\": 1, \"name\": \"t" + '\uD800' + "\", \"rules\": [] }";

        var problem = Assert.Single(Refused(json));

        Assert.Equal(("$", ConfigurationProblemCodes.InvalidText), (problem.Path, problem.Code));
        Assert.Contains("unpaired surrogate", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\ud83d\\ude00", true)]
    [InlineData("\u00e9t\u00e9 \\u00e9", true)]
    [InlineData("a\\\\ud800", true)]
    [InlineData("a\\n\\ud83d\\ude00\\t", true)]
    [InlineData("\\ud83d\\u0041", false)]
    [InlineData("\\ude00", false)]
    [InlineData("\\ud83dx", false)]
    [InlineData("\\ud83d\\n", false)]
    [InlineData("\\ud83d\\ud83d\\ude00", false)]
    [InlineData("x\\ud83d", false)]
    public void Parse_SurrogateEscapes_OnlyPairsAreText(string value, bool accepted)
    {
        var json = WithCondition($$"""{ "field": "company.country", "op": "equals", "value": "{{value}}" }""");

        Assert.Equal(accepted, ScoringRuleSet.TryParse(json, null, out _, out var problems));
        Assert.True(accepted || problems.Single() is { Path: "$.rules[0].when.value", Code: ConfigurationProblemCodes.InvalidText }, string.Join("; ", problems));
    }

    [Fact]
    public void Parse_LoneSurrogateInAKey_IsReportedAtItsObject()
    {
        var problem = Assert.Single(Refused("""{ "version": 1, "rules": [ { "name": "a", "type": "source", "sources": { "\ud800": 5 } } ] }"""));

        Assert.Equal(("$.rules[0].sources", ConfigurationProblemCodes.InvalidText), (problem.Path, problem.Code));
    }

    [Theory]
    [InlineData("""{ "version": 1, "rules": [], "rules": [ { "name": "a", "type": "inactivity", "days": 60, "points": -5 } ] }""", "$.rules")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["page_view"], "points": 1, "points": 500 } ] }""", "$.rules[0].points")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "type": "source", "sources": { "referral": 5, "referral": 50 } } ] }""", "$.rules[0].sources")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "type": "attribute", "points": 1, "when": { "field": "company.country", "field": "company.region", "op": "exists" } } ] }""", "$.rules[0].when.field")]
    public void Parse_DuplicateKey_IsRefusedWithItsPath(string json, string path)
    {
        var problem = Assert.Single(Refused(json));

        Assert.StartsWith(path, problem.Path, StringComparison.Ordinal);
        Assert.Contains("more than once", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "field": "company.country", "op": "equals", "values": ["DE", "BR"] }""", "$.rules[0].when.values")]
    [InlineData("""{ "field": "company.country", "op": "notEquals", "values": ["DE", "BR"] }""", "$.rules[0].when.values")]
    [InlineData("""{ "field": "consent.marketing", "op": "isTrue", "value": "yes" }""", "$.rules[0].when.value")]
    [InlineData("""{ "field": "consent.marketing", "op": "isFalse", "min": 1 }""", "$.rules[0].when.min")]
    [InlineData("""{ "field": "company.employeeCount", "op": "atMost", "min": 10, "max": 50 }""", "$.rules[0].when.min")]
    [InlineData("""{ "field": "company.employeeCount", "op": "atMost", "value": 10, "max": 50 }""", "$.rules[0].when.value")]
    [InlineData("""{ "field": "company.employeeCount", "op": "atLeast", "min": 10, "max": 50 }""", "$.rules[0].when.max")]
    [InlineData("""{ "field": "company.employeeCount", "op": "equals", "value": 10, "max": 50 }""", "$.rules[0].when.max")]
    [InlineData("""{ "field": "company.employeeCount", "op": "between", "min": 1, "max": 5, "values": ["x"] }""", "$.rules[0].when.values")]
    [InlineData("""{ "field": "company.country", "op": "exists", "values": ["DE"] }""", "$.rules[0].when.values")]
    [InlineData("""{ "field": "company.country", "op": "notExists", "max": 3 }""", "$.rules[0].when.max")]
    [InlineData("""{ "field": "company.country", "op": "in", "values": ["DE"], "min": 3 }""", "$.rules[0].when.min")]
    [InlineData("""{ "field": "company.country", "op": "in", "value": "DE" }""", "$.rules[0].when.value")]
    [InlineData("""{ "field": "custom", "key": "plan", "op": "equals", "values": ["pro"], "min": 3 }""", "$.rules[0].when.min")]
    [InlineData("""{ "field": "custom", "key": "seats", "op": "atLeast", "value": 3 }""", "$.rules[0].when.value")]
    public void Parse_ConditionPropertyTheOperatorDoesNotUse_IsRefusedWithItsPath(string condition, string path)
    {
        var problems = Refused(WithCondition(condition));

        Assert.Contains(problems, p => p.Path == path);
    }

    [Theory]
    [InlineData("""{ "field": "company.country", "op": "equals", "value": "DE" }""")]
    [InlineData("""{ "field": "company.country", "op": "equals", "values": ["DE"] }""")]
    [InlineData("""{ "field": "company.employeeCount", "op": "equals", "value": 10 }""")]
    [InlineData("""{ "field": "company.employeeCount", "op": "equals", "min": 10 }""")]
    [InlineData("""{ "field": "company.employeeCount", "op": "atMost", "max": 10 }""")]
    [InlineData("""{ "field": "custom", "key": "seats", "op": "between", "min": 1, "max": 9 }""")]
    [InlineData("""{ "field": "consent.marketing", "op": "isTrue" }""")]
    [InlineData("""{ "field": "company.country", "op": "exists" }""")]
    public void Parse_ConditionWithOnlyWhatItsOperatorUses_IsAccepted(string condition)
        => Assert.True(ScoringRuleSet.TryParse(WithCondition(condition), null, out _, out var problems), string.Join("; ", problems));

    [Fact]
    public void Build_CodeBuiltEqualsWithSeveralValues_IsRefused()
    {
        var builder = new ScoringModelBuilder()
            .AddRule(new AttributeRule("de_or_br", AttributeCondition.Create(LeadField.Country, FieldOperator.Equals, ["DE", "BR"]), 5))
            .AddRule(new AttributeRule("small", AttributeCondition.Create(LeadField.EmployeeCount, FieldOperator.AtMost, min: 3, max: 10), 5));

        var ex = Assert.Throws<ConfigurationException>(builder.Build);

        Assert.Contains(ex.Problems, p => p.Path == "rules[0].when.values");
        Assert.Contains(ex.Problems, p => p.Path == "rules[1].when.min");
    }

    public static TheoryData<string> HostileNames => ["red\u001b[31m", "evil\u202Egnp.exe", "two\nlines", "bell\u0007", "zero\u200Bwidth"];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Parse_ControlOrBidiCharacterInAName_IsRefusedWithoutEchoingIt(string name)
    {
        var escaped = System.Text.Json.JsonEncodedText.Encode(name).ToString();
        var json = $$"""
            {
              "version": 1,
              "name": "{{escaped}}",
              "groups": [ { "name": "{{escaped}}", "dimension": "fit" } ],
              "rules": [ { "name": "{{escaped}}", "type": "inactivity", "days": 60, "points": -5 } ]
            }
            """;

        var problems = Refused(json);

        Assert.Contains(problems, p => p.Path == "$.name");
        Assert.Contains(problems, p => p.Path == "$.groups[0].name");
        Assert.Contains(problems, p => p.Path == "$.rules[0].name");
        Assert.All(problems, p => Assert.DoesNotContain(name, p.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Build_ControlOrBidiCharacterInACodeBuiltName_IsRefused(string name)
    {
        var builder = new ScoringModelBuilder()
            .WithName(name)
            .AddGroup(new ScoringGroup(name, ScoreDimension.Engagement))
            .AddRule(new InactivityRule(name, TimeSpan.FromDays(60), -5), name);

        var ex = Assert.Throws<ConfigurationException>(builder.Build);

        Assert.Contains(ex.Problems, p => p.Path == "name");
        Assert.Contains(ex.Problems, p => p.Path == "groups[0].name");
        Assert.Contains(ex.Problems, p => p.Path == "rules[0].name");
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsAcceptedInTextAndBytes()
    {
        const string json = """{ "version": 1, "name": "notepad", "rules": [ { "name": "quiet", "type": "inactivity", "days": 60, "points": -5 } ] }""";
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];

        Assert.Equal("notepad", ScoringRuleSet.Parse('\uFEFF' + json).Name);
        Assert.Equal("notepad", ScoringRuleSet.Parse(bytes, null).Name);
    }

    [Theory]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["page_view"], "points": "ten" } ] }""", "$.rules[0].points")]
    [InlineData("""{ "version": 1, "rules": "none" }""", "$.rules")]
    [InlineData("""{ "version": 1, "name": 5, "rules": [] }""", "$.name")]
    public void Parse_WrongJsonType_SaysSoWithoutTalkingAboutFiniteNumbers(string json, string path)
    {
        var problem = Assert.Single(Refused(json));

        Assert.Equal((path, ConfigurationProblemCodes.WrongType), (problem.Path, problem.Code));
        Assert.StartsWith("must be a", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonFiniteNumber_SaysItMustBeFinite()
    {
        var problem = Assert.Single(Refused("""{ "version": 1, "rules": [ { "name": "a", "type": "signal", "signals": ["page_view"], "points": 1e400 } ] }"""));

        Assert.Equal("$.rules[0].points", problem.Path);
        Assert.Contains("finite", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamedValuesInAnotherCase_AreAcceptedAndWrittenInCamelCase()
    {
        const string json = """
            { "version": 1, "name": "cased", "rules": [
                { "name": "vp", "type": "attribute", "points": 10, "when": { "field": "contact.seniority", "op": "in", "values": ["VicePresident", "CLEVEL"] } } ] }
            """;

        var ruleSet = ScoringRuleSet.Parse(json);
        var vp = LeadBuilder.New().WithContact(seniority: Seniority.VicePresident).Build();

        Assert.Equal(10, ruleSet.Model.Score(vp, LeadBuilder.Now).Fit);
        var written = ruleSet.ToJson();
        Assert.Contains("\"vicePresident\"", written, StringComparison.Ordinal);
        Assert.Contains("\"cLevel\"", written, StringComparison.Ordinal);
        Assert.Equal(written, ScoringRuleSet.Parse(written).ToJson());
    }

    [Fact]
    public void Parse_KeywordsInAnotherCase_AreRefusedWithTheirPaths_AsTheSchemaDoes()
    {
        const string json = """
            {
              "version": 1,
              "groups": [ { "name": "web", "dimension": "Engagement", "decay": { "type": "Linear", "lifetimeDays": 30 } } ],
              "rules": [
                { "name": "vp", "type": "Attribute", "points": 10, "when": { "field": "contact.seniority", "op": "in", "values": ["cLevel"] } },
                { "name": "cc", "type": "attribute", "dimension": "FIT", "points": 10, "when": { "field": "Contact.Seniority", "op": "IN", "values": ["cLevel"] } }
              ],
              "thresholds": { "mql": { "rule": "Total", "total": 50 } }
            }
            """;

        var paths = Refused(json).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(["$.groups[0].dimension", "$.groups[0].decay.type", "$.rules[0].type", "$.rules[1].dimension", "$.thresholds.mql.rule"], StringComparer.Ordinal),
            paths);
    }

    [Fact]
    public void Parse_UnknownNamedValue_ListsTheCamelCaseNames()
    {
        var problems = Refused(WithCondition("""{ "field": "contact.seniority", "op": "equals", "value": "boss" }"""));

        var problem = Assert.Single(problems);
        Assert.StartsWith("$.rules[0].when.value", problem.Path, StringComparison.Ordinal);
        Assert.Contains("vicePresident", problem.Message, StringComparison.Ordinal);
        Assert.Contains("cLevel", problem.Message, StringComparison.Ordinal);
    }
}
