using System.Text;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// Writes a rule set in its canonical form: properties in a fixed order, optional ones only when set, a rule's
/// <c>dimension</c> only when it is not its kind's default, and each rule's own properties written by its kind.
/// Reading the result gives an equal rule set, and writing that again gives the same text.
/// </summary>
internal static class RuleSetWriter
{
    public static string Write(RuleSetDefinition definition, ScoringRuleKinds kinds)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber(ConfigurationDocument.VersionProperty, ScoringRuleSet.FormatVersion);
            if (definition.Name is { } name)
            {
                json.WriteString("name", name);
            }

            if (!definition.Fit.IsNone || !definition.Engagement.IsNone || !definition.Total.IsNone)
            {
                json.WriteStartObject("limits");
                WriteLimits(json, "fit", definition.Fit);
                WriteLimits(json, "engagement", definition.Engagement);
                WriteLimits(json, "total", definition.Total);
                json.WriteEndObject();
            }

            if (!definition.Groups.IsEmpty)
            {
                json.WriteStartArray("groups");
                foreach (var group in definition.Groups)
                {
                    json.WriteStartObject();
                    json.WriteString("name", group.Name);
                    json.WriteString("dimension", DimensionName(group.Dimension));
                    WriteBounds(json, group.Limits);
                    if (group.Decay is { } decay)
                    {
                        json.WritePropertyName("decay");
                        DecayKind.WriteDecay(json, decay);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("rules");
            foreach (var (rule, group) in definition.Rules)
            {
                var kind = kinds.Find(rule) ?? throw new InvalidOperationException($"The rule class {rule.GetType().Name} has no registered kind, so it cannot be written as JSON.");
                json.WriteStartObject();
                json.WriteString("name", rule.Name);
                json.WriteString("type", kind.TypeName);
                if (rule.Dimension != kind.DefaultDimension)
                {
                    json.WriteString("dimension", DimensionName(rule.Dimension));
                }

                if (group is not null)
                {
                    json.WriteString("group", group);
                }

                kind.WriteRule(json, rule);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteThresholds(json, definition.Thresholds);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string DimensionName(ScoreDimension dimension) => dimension == ScoreDimension.Fit ? "fit" : "engagement";

    private static void WriteLimits(Utf8JsonWriter json, string name, ScoreLimits limits)
    {
        if (!limits.IsNone)
        {
            json.WriteStartObject(name);
            WriteBounds(json, limits);
            json.WriteEndObject();
        }
    }

    private static void WriteBounds(Utf8JsonWriter json, ScoreLimits limits)
    {
        if (limits.Floor is { } floor)
        {
            json.WriteNumber("floor", floor);
        }

        if (limits.Cap is { } cap)
        {
            json.WriteNumber("cap", cap);
        }
    }

    private static void WriteThresholds(Utf8JsonWriter json, RuleSetThresholds t)
    {
        if (t == RuleSetThresholds.None)
        {
            return;
        }

        json.WriteStartObject("thresholds");
        if (t.MqlRule is not null || t.MqlFit is not null || t.MqlEngagement is not null || t.MqlTotal is not null)
        {
            json.WriteStartObject("mql");
            if (t.MqlRule is { } rule)
            {
                json.WriteString("rule", rule == MqlRule.Total ? "total" : "fitAndEngagement");
            }

            Optional(json, "fit", t.MqlFit);
            Optional(json, "engagement", t.MqlEngagement);
            Optional(json, "total", t.MqlTotal);
            json.WriteEndObject();
        }

        if (t.HotWithinDays is not null || t.WarmWithinDays is not null || t.WarmEngagement is not null || t.HotEngagement is not null || t.Hysteresis is not null)
        {
            json.WriteStartObject("temperature");
            if (t.HotWithinDays is { } hot)
            {
                json.WriteNumber("hotWithinDays", hot);
            }

            if (t.WarmWithinDays is { } warm)
            {
                json.WriteNumber("warmWithinDays", warm);
            }

            Optional(json, "warmEngagement", t.WarmEngagement);
            Optional(json, "hotEngagement", t.HotEngagement);
            Optional(json, "hysteresis", t.Hysteresis);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}
