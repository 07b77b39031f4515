using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Rules;

/// <summary>The <c>inactivity</c> rule kind: a penalty after <c>days</c> without a signal (<see cref="InactivityRule"/>).</summary>
internal sealed class InactivityRuleKind() : ScoringRuleKind<InactivityRule>("inactivity")
{
    public override ScoreDimension DefaultDimension => ScoreDimension.Engagement;

    public override ImmutableArray<ScoringKindProperty> Properties { get; } =
    [
        new("days", RuleChecks.DaysSchema, required: true),
        new("points", """{ "type": "number", "minimum": -1000000, "maximum": 0 }""", required: true),
    ];

    protected override InactivityRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension)
    {
        var after = RuleChecks.ReadDays(rule, "days", required: true);
        var points = RuleChecks.ReadNumber(rule, "points");
        return after is { } a && points is { } p ? new InactivityRule(name, a, p) { Dimension = dimension } : null;
    }

    protected override void Write(Utf8JsonWriter json, InactivityRule rule)
    {
        json.WriteNumber("days", RuleChecks.Days(rule.After));
        json.WriteNumber("points", rule.Points);
    }

    protected override void Validate(InactivityRule rule, string path, ICollection<ConfigurationProblem> problems)
    {
        RuleChecks.Points(rule.Points, path + ".points", problems);
        if (rule.Points > 0)
        {
            problems.Add(new(path + ".points", ConfigurationProblemCodes.OutOfRange, "must not be positive (inactivity is a penalty)"));
        }

        if (rule.After <= TimeSpan.Zero)
        {
            problems.Add(new(path + ".days", ConfigurationProblemCodes.OutOfRange, "must be positive"));
        }
    }

    internal override void Plan(InactivityRule rule, int slot, RulePlanning planning) => planning.AddInactivity(slot, rule.After.Ticks, rule.Points);
}
