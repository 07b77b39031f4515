using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.RuleSets;

namespace LeadKit.Scoring.Learning.Scorecards;

/// <summary>
/// Writes a learned scorecard as a LeadKit JSON rule set (the documented format of docs/scoring-rules.md): one
/// <c>attribute</c> rule for the base points (always true: every lead has a source), one <c>attribute</c> rule per
/// feature-value or attribute condition, and one <c>signal</c> rule (at most one occurrence, no decay) per signal condition.
/// "Signal absent" conditions become their points in the base rule and the opposite points on the signal rule, which
/// scores the same. Conditions built from application predicates have no JSON form and are reported as problems.
/// </summary>
internal static class RuleSetJsonWriter
{
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

            if (entry.Condition.Attribute is null && (entry.Condition.Feature is null || entry.Condition.Value is null))
            {
                problems.Add($"The condition '{entry.Condition.Name}' is an application predicate; only attribute, feature-value and signal conditions have a JSON rule form.");
            }
            else if (entry.Condition.Feature is { Kind: LeadFeature.FeatureKind.SignalPresent } && entry.Condition.Value == "no")
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
            json.WriteNumber("version", 1);
            json.WriteString("name", name);
            json.WriteStartArray("rules");
            json.WriteStartObject();
            json.WriteString("name", BaseRuleName);
            json.WriteString("type", "attribute");
            json.WriteString("dimension", "fit");
            json.WriteNumber("points", basePoints);
            json.WriteStartObject("when");
            json.WriteString("field", "source");
            json.WriteString("op", "exists");
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
        if (condition.Attribute is { } attribute)
        {
            json.WriteStartObject();
            json.WriteString("name", condition.Name);
            json.WriteString("dimension", condition.Dimension == ScoreDimension.Engagement ? "engagement" : "fit");
            json.WriteString("type", "attribute");
            json.WriteNumber("points", entry.Points);
            json.WritePropertyName("when");
            ConditionJsonWriter.Write(json, attribute);
            json.WriteEndObject();
            return;
        }

        var feature = condition.Feature!;
        var value = condition.Value!;
        json.WriteStartObject();
        json.WriteString("name", condition.Name);
        json.WriteString("dimension", condition.Dimension == ScoreDimension.Engagement ? "engagement" : "fit");
        if (feature.Kind == LeadFeature.FeatureKind.SignalPresent)
        {
            json.WriteString("type", "signal");
            json.WriteStartArray("signals");
            json.WriteStringValue(feature.SignalKind.Value);
            json.WriteEndArray();
            json.WriteNumber("points", value == "yes" ? entry.Points : -entry.Points);
            json.WriteNumber("maxOccurrences", 1);
            json.WriteEndObject();
            return;
        }

        json.WriteString("type", "attribute");
        json.WriteNumber("points", entry.Points);
        json.WriteStartObject("when");
        switch (feature.Kind)
        {
            case LeadFeature.FeatureKind.Source:
                Text(json, "source", value);
                break;
            case LeadFeature.FeatureKind.Industry:
                Text(json, "company.industry", value);
                break;
            case LeadFeature.FeatureKind.Country:
                Text(json, "company.country", value);
                break;
            case LeadFeature.FeatureKind.Seniority:
                Named(json, "contact.seniority", value);
                break;
            case LeadFeature.FeatureKind.Timeframe:
                Named(json, "timeframe.kind", value);
                break;
            case LeadFeature.FeatureKind.CompanySize:
                Band(json, feature, value);
                break;
            default:
                json.WriteString("field", "custom");
                json.WriteString("key", feature.Field.Value);
                Equals(json, value);
                break;
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string field, string value)
    {
        json.WriteString("field", field);
        Equals(json, value);
    }

    private static void Equals(Utf8JsonWriter json, string value)
    {
        if (value == LeadFeature.Missing)
        {
            json.WriteString("op", "notExists");
        }
        else
        {
            json.WriteString("op", "equals");
            json.WriteString("value", value);
        }
    }

    private static void Named(Utf8JsonWriter json, string field, string enumName)
    {
        // The rule-set format spells enum values in camel case: CLevel -> cLevel, NotStated -> notStated.
        json.WriteString("field", field);
        json.WriteString("op", "equals");
        json.WriteString("value", string.Concat(enumName[..1].ToLowerInvariant(), enumName.AsSpan(1)));
    }

    private static void Band(Utf8JsonWriter json, LeadFeature feature, string value)
    {
        json.WriteString("field", "company.employeeCount");
        if (value == LeadFeature.Missing)
        {
            json.WriteString("op", "notExists");
            return;
        }

        var labels = feature.BandLabels;
        var starts = feature.BandStarts;
        var band = labels.IndexOf(value);
        if (band < 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"'{value}' is not a band of the company-size feature."));
        }

        if (band == 0)
        {
            json.WriteString("op", "atMost");
            json.WriteNumber("max", starts[0] - 1);
        }
        else if (band == starts.Length)
        {
            json.WriteString("op", "atLeast");
            json.WriteNumber("min", starts[band - 1]);
        }
        else
        {
            json.WriteString("op", "between");
            json.WriteNumber("min", starts[band - 1]);
            json.WriteNumber("max", starts[band] - 1);
        }
    }
}
