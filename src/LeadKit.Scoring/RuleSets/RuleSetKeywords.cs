using System.Text.Json;
using LeadKit.Abstractions.Fields;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets.Documents;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// Makes the format tolerant of case where a word has one meaning: a rule type, dimension, decay kind, MQL rule,
/// field, operator or named value written in another case (<c>"VicePresident"</c>, <c>"Fit"</c>, <c>"IN"</c>) is read as
/// its camelCase spelling, which is what the rule set writes back. Names and machine names (sources, signal kinds,
/// custom keys) are not keywords and stay exact.
/// </summary>
internal static class RuleSetKeywords
{
    private static readonly string[] RuleTypes = ["attribute", "source", "signal", "emailDomain", "inactivity"];
    private static readonly string[] Dimensions = ["fit", "engagement"];
    private static readonly string[] DecayKinds = ["none", "linear", "exponential", "step", "slidingWindow"];
    private static readonly string[] MqlRules = ["fitAndEngagement", "total"];

    /// <summary>Rewrites every keyword of the document that matches a known one in another case to its camelCase spelling.</summary>
    public static void Normalize(RuleSetDocument document)
    {
        foreach (var group in document.Groups ?? [])
        {
            if (group is not null)
            {
                group.Dimension = Canonical(group.Dimension, Dimensions);
                Normalize(group.Decay);
            }
        }

        foreach (var rule in document.Rules ?? [])
        {
            if (rule is not null)
            {
                rule.Type = Canonical(rule.Type, RuleTypes);
                rule.Dimension = Canonical(rule.Dimension, Dimensions);
                Normalize(rule.Decay);
                Normalize(rule.When, 1);
            }
        }

        if (document.Thresholds?.Mql is { } mql)
        {
            mql.Rule = Canonical(mql.Rule, MqlRules);
        }
    }

    /// <summary>Returns the known spelling that equals <paramref name="text"/> ignoring case, or <paramref name="text"/> itself.</summary>
    public static string? Canonical(string? text, IEnumerable<string> known)
    {
        foreach (var name in known)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return text;
    }

    private static void Normalize(DecayDocument? decay)
    {
        if (decay is not null)
        {
            decay.Kind = Canonical(decay.Kind, DecayKinds);
        }
    }

    private static void Normalize(ConditionDocument? condition, int depth)
    {
        // Deeper conditions are refused by the compiler; there is nothing to normalise there.
        if (condition is null || depth > AttributeCondition.MaximumDepth)
        {
            return;
        }

        foreach (var child in condition.All ?? condition.Any ?? [])
        {
            Normalize(child, depth + 1);
        }

        Normalize(condition.Not, depth + 1);
        condition.Field = Canonical(condition.Field, LeadFields.Names);
        condition.Op = Canonical(condition.Op, FieldOperators.Names);
        if (!LeadFields.TryParse(condition.Field, out var field) || LeadFields.TypeOf(field) != FieldType.Named)
        {
            return;
        }

        var named = LeadFields.NamedValues(field);
        if (condition.Values is { } values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                values[i] = Canonical(values[i], named);
            }
        }

        if (condition.Value is { ValueKind: JsonValueKind.String } value && Canonical(value.GetString(), named) is { } canonical)
        {
            condition.Value = JsonSerializer.SerializeToElement(canonical, RuleSetJsonContext.Default.String);
        }
    }
}
