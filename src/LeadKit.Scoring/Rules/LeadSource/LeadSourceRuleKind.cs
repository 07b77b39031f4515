using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Rules;

/// <summary>The <c>source</c> rule kind: points by lead source, <c>sources</c> mapping each source name to points (<see cref="LeadSourceRule"/>).</summary>
internal sealed class LeadSourceRuleKind() : ScoringRuleKind<LeadSourceRule>("source")
{
    public override ImmutableArray<ScoringKindProperty> Properties { get; } =
    [
        new("sources", """{ "type": "object", "minProperties": 1, "propertyNames": { "$ref": "#/$defs/machineName" }, "additionalProperties": { "$ref": "#/$defs/points" } }""", required: true),
    ];

    protected override LeadSourceRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension)
    {
        if (!rule.TryGetRequired("sources", out var sources))
        {
            return null;
        }

        if (sources.Value.ValueKind != JsonValueKind.Object)
        {
            sources.Report(ConfigurationProblemCodes.WrongType, "must be an object");
            return null;
        }

        var before = rule.Problems.Count;
        var map = new Dictionary<LeadSource, double>();
        foreach (var property in sources.Value.EnumerateObject())
        {
            // The key is document text: named in the path only when it is a plain name (ConfigurationElement.PathOf).
            if (!LeadSource.TryParse(property.Name, out var source))
            {
                sources.Report(ConfigurationProblemCodes.InvalidValue, "has a key that must be a lower-case machine name (1 to 64 characters of a-z, 0-9, _, -, .)");
                continue;
            }

            if (new ConfigurationElement(property.Value, sources.PathOf(property.Name), rule.Problems).GetNumber() is { } points)
            {
                map[source] = points;
            }
        }

        return rule.Problems.Count == before ? new LeadSourceRule(name, map) { Dimension = dimension } : null;
    }

    protected override void Write(Utf8JsonWriter json, LeadSourceRule rule)
    {
        json.WriteStartObject("sources");
        foreach (var (source, points) in rule.Points.OrderBy(p => p.Key.Value, StringComparer.Ordinal))
        {
            json.WriteNumber(source.Value!, points);
        }

        json.WriteEndObject();
    }

    protected override void Validate(LeadSourceRule rule, string path, ICollection<ConfigurationProblem> problems)
    {
        if (rule.Points.IsEmpty)
        {
            problems.Add(new(path + ".sources", ConfigurationProblemCodes.Required, "must give points to at least one source"));
        }

        foreach (var (source, value) in rule.Points)
        {
            if (source.IsDefault)
            {
                problems.Add(new(path + ".sources", ConfigurationProblemCodes.InvalidValue, "must not contain an unset source"));
            }
            else
            {
                RuleChecks.Points(value, path + ".sources." + source.Value, problems);
            }
        }
    }

    internal override IEnumerable<LeadSource> SourcesOf(LeadSourceRule rule) => rule.Points.Keys;

    internal override void Plan(LeadSourceRule rule, int slot, RulePlanning planning) => planning.AddSource(slot, rule.PointsBy(planning.Sources));
}
