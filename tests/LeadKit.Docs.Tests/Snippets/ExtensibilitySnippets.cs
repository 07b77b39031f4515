using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;

namespace LeadKit.Docs.Tests.Snippets;

#region plugin-rule
/// <summary>Product-qualified leads: 2 engagement points per active trial seat, at most 20.</summary>
public sealed class TrialUsageRule : IScoringRule
{
    private static readonly CustomFieldKey TrialSeats = CustomFieldKey.Register(new("trial_seats"));   // trusted code: compared by ordinal

    public string Name => "trial_usage";

    public ScoreDimension Dimension => ScoreDimension.Engagement;

    // Called for every lead from any thread: keep it pure, thread-safe and allocation-free.
    public double Evaluate(Lead lead, DateTimeOffset asOf)
        => lead.TryGetCustomField(TrialSeats, out var seats) && seats.Kind == CustomFieldValueKind.Number
            ? Math.Min(20, 2 * seats.Number)
            : 0;
}
#endregion

#region plugin-rule-kind
/// <summary>A rule with parameters, so a rule set can choose them: points when the job title contains a keyword.</summary>
public sealed class TitleKeywordRule(string name, string keyword, double points) : IScoringRule
{
    public string Name { get; } = name;

    public ScoreDimension Dimension { get; init; } = ScoreDimension.Fit;

    public string Keyword { get; } = keyword;

    public double Points { get; } = points;

    public double Evaluate(Lead lead, DateTimeOffset asOf)
        => lead.Contact.JobTitle?.Contains(Keyword, StringComparison.OrdinalIgnoreCase) == true ? Points : 0;
}

/// <summary>Its descriptor: the JSON type name, the properties (read, written and in the schema), the validation.</summary>
public sealed class TitleKeywordRuleKind() : ScoringRuleKind<TitleKeywordRule>("titleKeyword")
{
    public override ImmutableArray<ScoringKindProperty> Properties { get; } =
    [
        new("keyword", """{ "type": "string", "minLength": 1, "maxLength": 64 }""", required: true),
        new("points", """{ "$ref": "#/$defs/points" }""", required: true),
    ];

    // Only the listed properties (and name, type, dimension, group) get here; any other is refused with its path.
    protected override TitleKeywordRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension)
    {
        var keyword = rule.TryGetRequired("keyword", out var k) ? k.GetString(64) : null;
        var points = rule.TryGetRequired("points", out var p) ? p.GetNumber() : null;
        return keyword is not null && points is { } value ? new TitleKeywordRule(name, keyword, value) { Dimension = dimension } : null;
    }

    protected override void Write(Utf8JsonWriter json, TitleKeywordRule rule)
    {
        json.WriteString("keyword", rule.Keyword);
        json.WriteNumber("points", rule.Points);
    }

    // Runs in ScoringModelBuilder.Build for every rule of the kind, built in code or read from JSON.
    protected override void Validate(TitleKeywordRule rule, string path, ICollection<ConfigurationProblem> problems)
    {
        if (rule.Points is < -100 or > 100)
        {
            problems.Add(new(path + ".points", ConfigurationProblemCodes.OutOfRange, "must be from -100 to 100"));
        }
    }
}
#endregion

/// <summary>The code of docs/extensibility.md, run as tests.</summary>
public sealed class ExtensibilitySnippets
{
    [Fact]
    public void PluginRule_AddedLikeABuiltIn_ScoresAndExplains()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var lead = new Lead
        {
            Id = new LeadId("L-7"),
            CreatedAt = now.AddDays(-5),
            Source = LeadSource.Referral,
            CustomFields = [new CustomField(new CustomFieldKey("trial_seats"), CustomFieldValue.FromNumber(8))],
        };

        #region add-plugin-rule
        var model = new ScoringModelBuilder()
            .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20)))   // a built-in rule
            .AddRule(new TrialUsageRule())                                       // your rule, the same way
            .Build();
        var card = model.Explain(lead, now);                                     // lists trial_usage next to source
        #endregion

        Assert.Equal(new LeadScore(20, 16, 36), card.Score);
        Assert.Contains(card.Rules, r => r.RuleName == "trial_usage" && r.Points == 16);
    }

    [Fact]
    public void PluginRuleKind_InAJsonRuleSet_ScoresLikeTheBuiltInEquivalent()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var lead = new Lead
        {
            Id = new LeadId("L-8"),
            CreatedAt = now.AddDays(-5),
            Source = LeadSource.WebsiteForm,
            Contact = new ContactInfo { JobTitle = "Head of Sales" },
        };
        const string json = """
            { "version": 1, "name": "titles", "rules": [ { "name": "head_of", "type": "titleKeyword", "keyword": "head of", "points": 15 } ] }
            """;

        #region load-plugin-rule-kind
        var kinds = ScoringRuleKinds.Default.Add(new TitleKeywordRuleKind());     // registered like the built-ins
        var ruleSet = ScoringRuleSet.Parse(json, new ScoringRuleSetOptions { Kinds = kinds });
        string schema = ScoringRuleSet.GetJsonSchema(kinds);                       // the schema with "titleKeyword"
        #endregion

        Assert.Equal(15, ruleSet.Model.Score(lead, now).Fit);
        Assert.Contains("\"titleKeyword\"", schema, StringComparison.Ordinal);
        var builtIn = new ScoringModelBuilder().AddRule(new AttributeRule("head_of", AttributeCondition.Contains(Abstractions.Fields.LeadField.JobTitle, "head of"), 15)).Build();
        Assert.Equal(builtIn.Explain(lead, now).Rules.ToArray(), ruleSet.Model.Explain(lead, now).Rules.ToArray());
    }
}
