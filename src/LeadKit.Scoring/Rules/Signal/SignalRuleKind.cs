using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Rules;

/// <summary>The <c>signal</c> rule kind: points per occurrence of signal kinds, with window, thresholds and decay (<see cref="SignalRule"/>).</summary>
internal sealed class SignalRuleKind() : ScoringRuleKind<SignalRule>("signal")
{
    public override ScoreDimension DefaultDimension => ScoreDimension.Engagement;

    public override ImmutableArray<ScoringKindProperty> Properties { get; } =
    [
        new("signals", """{ "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/machineName" } }""", required: true),
        new("points", RuleChecks.PointsSchema, required: true),
        new("maxOccurrences", """{ "type": "integer", "minimum": 1 }"""),
        new("minOccurrences", """{ "type": "integer", "minimum": 1 }"""),
        new("windowDays", RuleChecks.DaysSchema),
        new("decay", """{ "$ref": "#/$defs/decay" }"""),
    ];

    protected override SignalRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension)
    {
        var before = rule.Problems.Count;
        var kinds = ImmutableArray.CreateBuilder<EngagementSignalKind>();
        if (rule.TryGetRequired("signals", out var signals))
        {
            foreach (var item in signals.GetArray())
            {
                if (item.GetString(64) is not { } text)
                {
                    continue;
                }

                if (EngagementSignalKind.TryParse(text, out var kind))
                {
                    kinds.Add(kind);
                }
                else
                {
                    item.Report(ConfigurationProblemCodes.InvalidValue, "must be a lower-case machine name (1 to 64 characters of a-z, 0-9, _, -, .)");
                }
            }
        }

        var points = RuleChecks.ReadNumber(rule, "points");
        var max = rule.TryGetProperty("maxOccurrences", out var maxElement) ? maxElement.GetInt32() : null;
        var min = rule.TryGetProperty("minOccurrences", out var minElement) ? minElement.GetInt32() : null;
        var window = RuleChecks.ReadDays(rule, "windowDays", required: false);
        var decay = rule.TryGetProperty("decay", out var decayElement) ? DecayKind.ReadDecay(decayElement) : null;
        return rule.Problems.Count == before && points is { } p
            ? new SignalRule(name, kinds.ToImmutable(), p) { Dimension = dimension, MaxOccurrences = max, MinOccurrences = min, Window = window, Decay = decay }
            : null;
    }

    protected override void Write(Utf8JsonWriter json, SignalRule rule)
    {
        json.WriteStartArray("signals");
        foreach (var kind in rule.Kinds)
        {
            json.WriteStringValue(kind.Value);
        }

        json.WriteEndArray();
        json.WriteNumber("points", rule.PointsPerOccurrence);
        if (rule.MaxOccurrences is { } max)
        {
            json.WriteNumber("maxOccurrences", max);
        }

        if (rule.MinOccurrences is { } min)
        {
            json.WriteNumber("minOccurrences", min);
        }

        if (rule.Window is { } window)
        {
            json.WriteNumber("windowDays", RuleChecks.Days(window));
        }

        if (rule.Decay is { } decay)
        {
            json.WritePropertyName("decay");
            DecayKind.WriteDecay(json, decay);
        }
    }

    protected override void Validate(SignalRule rule, string path, ICollection<ConfigurationProblem> problems)
    {
        RuleChecks.Points(rule.PointsPerOccurrence, path + ".points", problems);
        var kinds = rule.Kinds;
        if (kinds.IsEmpty)
        {
            problems.Add(new(path + ".signals", ConfigurationProblemCodes.Required, "must name at least one signal kind"));
        }

        for (var i = 0; i < kinds.Length; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.signals[{i}]");
            if (kinds[i].IsDefault)
            {
                problems.Add(new(at, ConfigurationProblemCodes.InvalidValue, "must not be an unset signal kind"));
            }

            for (var j = 0; j < i; j++)
            {
                if (kinds[j] == kinds[i] && !kinds[i].IsDefault)
                {
                    problems.Add(new(at, ConfigurationProblemCodes.DuplicateName, string.Create(CultureInfo.InvariantCulture, $"repeats signals[{j}]")));
                }
            }
        }

        if (rule.MaxOccurrences is < 1)
        {
            problems.Add(new(path + ".maxOccurrences", ConfigurationProblemCodes.OutOfRange, "must be at least 1"));
        }

        if (rule.MinOccurrences is < 1)
        {
            problems.Add(new(path + ".minOccurrences", ConfigurationProblemCodes.OutOfRange, "must be at least 1"));
        }

        if (rule.Window is { } window && window <= TimeSpan.Zero)
        {
            problems.Add(new(path + ".windowDays", ConfigurationProblemCodes.OutOfRange, "must be positive"));
        }
    }

    internal override IEnumerable<EngagementSignalKind> SignalKindsOf(SignalRule rule) => rule.Kinds;

    internal override void Plan(SignalRule rule, int slot, RulePlanning planning)
        => planning.AddSignal(rule.CompilePlan(rule.Decay ?? planning.GroupDecay(slot), slot, planning.KindSlot));
}
