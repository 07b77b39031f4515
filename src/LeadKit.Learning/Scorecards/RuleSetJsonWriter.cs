using System.Buffers;
using System.Text;
using System.Text.Json;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Learning.Scorecards;

/// <summary>
/// Writes a learned scorecard as a LeadKit JSON rule set (the documented format of docs/scoring-rules.md, version 1):
/// one <c>attribute</c> rule for the base points (always true: every lead has a source), one <c>attribute</c> rule per
/// attribute or feature-value condition (its <c>when</c> is the condition's <see cref="FieldCondition"/>), and one
/// <c>signal</c> rule (at most one occurrence, no decay) per signal condition. "Signal absent" conditions become their
/// points in the base rule and the opposite points on the signal rule, which scores the same. Conditions built from
/// application predicates have no JSON form and are reported as problems.
/// </summary>
internal static class RuleSetJsonWriter
{
    /// <summary>The rule-set format's version the writer produces (the configuration convention's root <c>version</c>).</summary>
    public const int FormatVersion = 1;

    private const string BaseRuleName = "base points";

    public static string Write(LearnedScorecard scorecard, string name)
    {
        var problems = new List<string>();
        var basePoints = scorecard.BasePoints;
        foreach (var entry in scorecard.Entries)
        {
            if (entry.Condition.Name == BaseRuleName)
            {
                problems.Add($"The condition name '{BaseRuleName}' is reserved for the base rule.");
            }

            if (entry.Condition.Attribute is null && !entry.Condition.IsSignal)
            {
                problems.Add($"The condition '{entry.Condition.Name}' is an application predicate; only attribute, feature-value and signal conditions have a JSON rule form.");
            }
            else if (entry.Condition.IsSignal && !entry.Condition.WantsSignal)
            {
                basePoints += entry.Points;
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The scorecard cannot be written as a JSON rule set: " + string.Join(" ", problems));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteString("name", name);
            json.WriteStartArray("rules");
            json.WriteStartObject();
            json.WriteString("name", BaseRuleName);
            json.WriteString("type", "attribute");
            json.WriteString("dimension", "fit");
            json.WriteNumber("points", basePoints);
            json.WriteStartObject("when");
            json.WriteString("field", LeadFields.NameOf(LeadField.Source));
            json.WriteString("op", FieldOperators.NameOf(FieldOperator.Exists));
            json.WriteEndObject();
            json.WriteEndObject();
            foreach (var entry in scorecard.Entries)
            {
                WriteRule(json, entry);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRule(Utf8JsonWriter json, ScorecardEntry entry)
    {
        var condition = entry.Condition;
        json.WriteStartObject();
        json.WriteString("name", condition.Name);
        json.WriteString("dimension", condition.Dimension == ScoreDimension.Engagement ? "engagement" : "fit");
        if (condition.Attribute is { } attribute)
        {
            json.WriteString("type", "attribute");
            json.WriteNumber("points", entry.Points);
            json.WritePropertyName("when");
            WriteCondition(json, attribute.Definition);
        }
        else
        {
            json.WriteString("type", "signal");
            json.WriteStartArray("signals");
            json.WriteStringValue(condition.Feature!.SignalKind.Value);
            json.WriteEndArray();
            json.WriteNumber("points", condition.WantsSignal ? entry.Points : -entry.Points);
            json.WriteNumber("maxOccurrences", 1);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes a condition as the rule-set format's <c>when</c> object, which reads back as the same condition.</summary>
    private static void WriteCondition(Utf8JsonWriter json, FieldCondition condition)
    {
        json.WriteStartObject();
        switch (condition.Operator)
        {
            case FieldOperator.All or FieldOperator.Any:
                json.WriteStartArray(FieldOperators.NameOf(condition.Operator));
                foreach (var child in condition.Conditions)
                {
                    WriteCondition(json, child);
                }

                json.WriteEndArray();
                break;
            case FieldOperator.Not:
                json.WritePropertyName(FieldOperators.NameOf(condition.Operator));
                WriteCondition(json, condition.Conditions[0]);
                break;
            default:
                json.WriteString("field", LeadFields.NameOf(condition.Field));
                if (condition.Field == LeadField.Custom)
                {
                    json.WriteString("key", condition.CustomKey.Value);
                }

                json.WriteString("op", FieldOperators.NameOf(condition.Operator));
                WriteValues(json, condition);
                if (condition.Min is { } min)
                {
                    json.WriteNumber("min", min);
                }

                if (condition.Max is { } max)
                {
                    json.WriteNumber("max", max);
                }

                break;
        }

        json.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter json, FieldCondition condition)
    {
        if (condition.Values.IsEmpty)
        {
            return;
        }

        // Named values are written in the format's camelCase spelling, whatever case they were given in.
        var isNamed = LeadFields.TypeOf(condition.Field) == FieldType.Named;
        string Spelled(string value) => isNamed && LeadFields.TryParseNamedValue(condition.Field, value, out var named) ? LeadFields.NamedValues(condition.Field)[named] : value;

        json.WriteStartArray("values");
        foreach (var value in condition.Values)
        {
            json.WriteStringValue(Spelled(value));
        }

        json.WriteEndArray();
    }
}
