using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Rules;

namespace LeadKit.Samples.CustomRule;

/// <summary>
/// The descriptor that lets <see cref="TrialUsageRule"/> appear in a JSON rule set as
/// <c>{ "type": "trialUsage", "pointsPerSeat": 2, "maxPoints": 20 }</c>: its properties (read, written and published in
/// the schema from this one list) and its validation. Register it with <c>ScoringRuleKinds.Default.Add(...)</c>.
/// </summary>
internal sealed class TrialUsageRuleKind() : ScoringRuleKind<TrialUsageRule>("trialUsage")
{
    public override ScoreDimension DefaultDimension => ScoreDimension.Engagement;

    public override ImmutableArray<ScoringKindProperty> Properties { get; } =
    [
        new("pointsPerSeat", """{ "$ref": "#/$defs/points" }""", required: true),
        new("maxPoints", """{ "type": "number", "minimum": 0, "maximum": 1000 }""", required: true),
    ];

    protected override TrialUsageRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension)
    {
        var perSeat = rule.TryGetRequired("pointsPerSeat", out var p) ? p.GetNumber() : null;
        var max = rule.TryGetRequired("maxPoints", out var m) ? m.GetNumber(0, 1000) : null;
        return perSeat is { } a && max is { } b ? new TrialUsageRule(name, a, b) { Dimension = dimension } : null;
    }

    protected override void Write(Utf8JsonWriter json, TrialUsageRule rule)
    {
        json.WriteNumber("pointsPerSeat", rule.PointsPerSeat);
        json.WriteNumber("maxPoints", rule.MaxPoints);
    }

    protected override void Validate(TrialUsageRule rule, string path, ICollection<ConfigurationProblem> problems)
    {
        if (rule.PointsPerSeat < 0)
        {
            problems.Add(new(path + ".pointsPerSeat", ConfigurationProblemCodes.OutOfRange, "must not be negative"));
        }
    }
}
