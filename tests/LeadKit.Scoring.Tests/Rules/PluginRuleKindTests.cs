using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadKit.Scoring.Tests.Rules;

/// <summary>
/// A plugin rule kind registered like the built-ins: a JSON rule set uses it under its type name, and it scores and
/// explains exactly like the equivalent built-in rule; its properties are checked and published like a built-in's.
/// </summary>
public sealed class PluginRuleKindTests
{
    private static readonly ScoringRuleKinds Kinds = ScoringRuleKinds.Default.Add(new TitleKeywordRuleKind());

    private static readonly Lead[] Leads =
    [
        .. TestLeads.Generate(40, seed: 21),
        LeadBuilder.New().WithContact(jobTitle: "Head of Sales").Build(),
        LeadBuilder.New().WithContact(jobTitle: "HEAD OF IT").Build(),
        LeadBuilder.New().WithContact(jobTitle: "intern").Build(),
    ];

    [Fact]
    public void PluginKindInJson_ScoresAndExplainsExactlyLikeTheEquivalentBuiltIn()
    {
        var plugin = ScoringRuleSet.Parse(Document("""{ "name": "title", "type": "titleKeyword", "keyword": "head", "points": 12.5, "group": "fit_cap" }"""), new ScoringRuleSetOptions { Kinds = Kinds });
        var builtIn = ScoringRuleSet.Parse(Document("""{ "name": "title", "type": "attribute", "points": 12.5, "group": "fit_cap", "when": { "field": "contact.jobTitle", "op": "contains", "values": ["head"] } }"""));

        var fired = 0;
        foreach (var lead in Leads)
        {
            Assert.Equal(builtIn.Model.Score(lead, LeadBuilder.Now), plugin.Model.Score(lead, LeadBuilder.Now));
            var expected = builtIn.Model.Explain(lead, LeadBuilder.Now);
            var actual = plugin.Model.Explain(lead, LeadBuilder.Now);
            Assert.Equal(expected.Rules.ToArray(), actual.Rules.ToArray());
            Assert.Equal(expected.Groups.ToArray(), actual.Groups.ToArray());
            Assert.Equal((expected.Fit, expected.Engagement, expected.Total), (actual.Fit, actual.Engagement, actual.Total));
            fired += actual.Rules.Length;
        }

        Assert.True(fired >= 2, "The keyword matched too few leads for the comparison to mean anything.");
    }

    [Fact]
    public void PluginKind_WritesItselfBack_AndTheDefaultKindsRefuseItsTypeWithThePath()
    {
        var json = Document("""{ "name": "title", "type": "titleKeyword", "keyword": "head", "points": 3 }""");
        var ruleSet = ScoringRuleSet.Parse(json, new ScoringRuleSetOptions { Kinds = Kinds });

        var written = ruleSet.ToJson();
        Assert.Contains("\"titleKeyword\"", written, StringComparison.Ordinal);
        Assert.Equal(written, ScoringRuleSet.Parse(written, new ScoringRuleSetOptions { Kinds = Kinds }).ToJson());

        var ex = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(json));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("$.rules[0].type", ConfigurationProblemCodes.UnknownType), (problem.Path, problem.Code));
    }

    [Fact]
    public void PluginKind_UnknownPropertyAndItsOwnValidation_AreReportedWithPaths()
    {
        var options = new ScoringRuleSetOptions { Kinds = Kinds };
        var unknown = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(Document("""{ "name": "title", "type": "titleKeyword", "keyword": "vp", "points": 3, "when": {} }"""), options));
        var invalid = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(Document("""{ "name": "title", "type": "titleKeyword", "keyword": " ", "points": 3 }"""), options));

        Assert.Equal(("$.rules[0].when", ConfigurationProblemCodes.UnknownProperty), (Assert.Single(unknown.Problems).Path, unknown.Problems[0].Code));
        Assert.Equal(("$.rules[0].keyword", ConfigurationProblemCodes.InvalidValue), (Assert.Single(invalid.Problems).Path, invalid.Problems[0].Code));
    }

    [Fact]
    public void PluginKind_AppearsInTheSchemaGeneratedForItsRegistry()
    {
        using var schema = JsonDocument.Parse(ScoringRuleSet.GetJsonSchema(Kinds));
        var variants = schema.RootElement.GetProperty("$defs").GetProperty("rule").GetProperty("oneOf").EnumerateArray();

        var variant = Assert.Single(variants, v => v.GetProperty("properties").GetProperty("type").GetProperty("const").GetString() == "titleKeyword");
        Assert.Equal(["keyword", "points"], variant.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void PluginKind_InARuleSetRegisteredWithDependencyInjection_Scores()
    {
        var json = Document("""{ "name": "title", "type": "titleKeyword", "keyword": "head", "points": 4 }""");
        using var provider = new ServiceCollection()
            .AddLeadKitScoringRuleSet("titles", o =>
            {
                o.RuleSetJson = json;
                o.RuleKinds = Kinds;
            })
            .BuildServiceProvider();

        var lead = LeadBuilder.New().WithContact(jobTitle: "Head of Sales").Build();
        Assert.Equal(4, provider.GetRequiredKeyedService<ILeadScorer>("titles").Score(lead, LeadBuilder.Now).Fit);
    }

    [Fact]
    public void Add_ASecondKindWithTheSameTypeNameOrRuleClass_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Kinds.Add(new TitleKeywordRuleKind()));
        Assert.Throws<ArgumentException>(() => ScoringRuleKinds.Default.Add(new ClashingKind()));
    }

    private static string Document(string rule) => $$"""
        { "version": 1, "name": "plugin", "groups": [ { "name": "fit_cap", "dimension": "fit", "cap": 10 } ], "rules": [ {{rule}} ] }
        """;

    /// <summary>A plugin rule: points when the job title contains a keyword, ignoring case (as the built-in <c>contains</c>).</summary>
    private sealed class TitleKeywordRule(string name, string keyword, double points) : IScoringRule
    {
        public string Name { get; } = name;

        public ScoreDimension Dimension { get; init; } = ScoreDimension.Fit;

        public string Keyword { get; } = keyword;

        public double Points { get; } = points;

        public double Evaluate(Lead lead, DateTimeOffset asOf)
            => lead.Contact.JobTitle?.Contains(Keyword, StringComparison.OrdinalIgnoreCase) == true ? Points : 0;
    }

    /// <summary>The plugin's descriptor: one file a plugin author writes to use the rule from JSON.</summary>
    private sealed class TitleKeywordRuleKind() : ScoringRuleKind<TitleKeywordRule>("titleKeyword")
    {
        public override ImmutableArray<ScoringKindProperty> Properties { get; } =
        [
            new("keyword", """{ "type": "string", "minLength": 1, "maxLength": 64 }""", required: true),
            new("points", """{ "$ref": "#/$defs/points" }""", required: true),
        ];

        protected override TitleKeywordRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension)
        {
            var keyword = rule.TryGetRequired("keyword", out var k) ? k.GetString(64, allowBlank: true) : null;
            var points = rule.TryGetRequired("points", out var p) ? p.GetNumber() : null;
            return keyword is not null && points is { } value ? new TitleKeywordRule(name, keyword, value) { Dimension = dimension } : null;
        }

        protected override void Write(Utf8JsonWriter json, TitleKeywordRule rule)
        {
            json.WriteString("keyword", rule.Keyword);
            json.WriteNumber("points", rule.Points);
        }

        protected override void Validate(TitleKeywordRule rule, string path, ICollection<ConfigurationProblem> problems)
        {
            if (string.IsNullOrWhiteSpace(rule.Keyword))
            {
                problems.Add(new(path + ".keyword", ConfigurationProblemCodes.InvalidValue, "must not be blank"));
            }
        }
    }

    private sealed class ClashingKind() : ScoringRuleKind<AttributeRule>("somethingElse")
    {
        public override ImmutableArray<ScoringKindProperty> Properties => [];

        protected override AttributeRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension) => null;

        protected override void Write(Utf8JsonWriter json, AttributeRule rule)
        {
        }
    }
}
