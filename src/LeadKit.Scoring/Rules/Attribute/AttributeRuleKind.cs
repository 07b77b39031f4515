using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Kernel;
using LeadKit.Scoring.RuleSets;

namespace LeadKit.Scoring.Rules;

/// <summary>The <c>attribute</c> rule kind: <c>points</c> when the <c>when</c> condition holds (<see cref="AttributeRule"/>).</summary>
internal sealed class AttributeRuleKind() : ScoringRuleKind<AttributeRule>("attribute")
{
    public override ImmutableArray<ScoringKindProperty> Properties { get; } =
    [
        new("points", RuleChecks.PointsSchema, required: true),
        new("when", """{ "$ref": "#/$defs/condition" }""", required: true),
    ];

    protected override AttributeRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension)
    {
        var points = RuleChecks.ReadNumber(rule, "points");
        var condition = rule.TryGetRequired("when", out var when) ? ConditionJsonReader.Read(when, 1) : null;
        return points is { } p && condition is not null ? new AttributeRule(name, condition, p) { Dimension = dimension } : null;
    }

    protected override void Write(Utf8JsonWriter json, AttributeRule rule)
    {
        json.WriteNumber("points", rule.Points);
        json.WritePropertyName("when");
        ConditionJsonWriter.Write(json, rule.Condition);
    }

    protected override void Validate(AttributeRule rule, string path, ICollection<ConfigurationProblem> problems)
    {
        RuleChecks.Points(rule.Points, path + ".points", problems);
        if (rule.Condition is null)
        {
            problems.Add(new(path + ".when", ConfigurationProblemCodes.Required, "must be set"));
        }
        else
        {
            rule.Condition.Validate(path + ".when", problems);
        }
    }

    internal override void Plan(AttributeRule rule, int slot, RulePlanning planning) => planning.AddAttribute(slot, rule.Condition.Compiled, rule.Points);
}
