using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// Reads a parsed rule set document into a <see cref="RuleSetDefinition"/>, reporting every problem with its JSON path.
/// Each rule is read by the descriptor its <c>type</c> names; a rule that cannot be read is replaced by a placeholder
/// so that the builder's own problems keep the document's rule indexes.
/// </summary>
internal static class RuleSetReader
{
    private static readonly string[] RootProperties = ["$schema", "version", "name", "limits", "groups", "rules", "thresholds"];
    private static readonly string[] GroupProperties = ["name", "dimension", "floor", "cap", "decay"];
    private static readonly string[] LimitProperties = ["floor", "cap"];

    public static RuleSetDefinition Read(ConfigurationElement root, ScoringRuleKinds kinds)
    {
        root.ExpectObject(RootProperties);
        var name = root.TryGetProperty("name", out var nameElement) ? nameElement.GetString(64) : null;
        ScoreLimits fit = default, engagement = default, total = default;
        if (root.TryGetProperty("limits", out var limits) && limits.ExpectObject("fit", "engagement", "total"))
        {
            fit = ReadLimits(limits, "fit");
            engagement = ReadLimits(limits, "engagement");
            total = ReadLimits(limits, "total");
        }

        var groups = ImmutableArray.CreateBuilder<ScoringGroup>();
        if (root.TryGetProperty("groups", out var groupList))
        {
            foreach (var group in groupList.GetArray(ScoringModelBuilder.MaximumGroups))
            {
                if (ReadGroup(group) is { } g)
                {
                    groups.Add(g);
                }
            }
        }

        var rules = ImmutableArray.CreateBuilder<(IScoringRule, string?)>();
        if (root.TryGetRequired("rules", out var ruleList))
        {
            var items = ruleList.GetArray(ScoringRuleSet.MaximumRules);
            for (var r = 0; r < items.Count; r++)
            {
                rules.Add(ReadRule(items[r], r, kinds));
            }
        }

        var thresholds = root.TryGetProperty("thresholds", out var thresholdsElement) ? ReadThresholds(thresholdsElement) : RuleSetThresholds.None;
        return new RuleSetDefinition
        {
            Name = name,
            Fit = fit,
            Engagement = engagement,
            Total = total,
            Groups = groups.ToImmutable(),
            Rules = rules.ToImmutable(),
            Thresholds = thresholds,
        };
    }

    private static (IScoringRule Rule, string? Group) ReadRule(ConfigurationElement rule, int index, ScoringRuleKinds kinds)
    {
        var placeholder = new PlaceholderRule(string.Create(CultureInfo.InvariantCulture, $"rules[{index}]"));
        var named = rule.Value.ValueKind == JsonValueKind.Object && rule.Value.TryGetProperty("name", out var given) && given.ValueKind == JsonValueKind.String
            ? new PlaceholderRule(given.GetString()!)
            : placeholder;
        if (rule.Value.ValueKind != JsonValueKind.Object)
        {
            rule.Report(ConfigurationProblemCodes.WrongType, "must be an object");
            return (placeholder, null);
        }

        if (!rule.TryGetRequired("type", out var typeElement) || typeElement.GetString(64) is not { } typeName)
        {
            return (named, null);
        }

        if (kinds.FindRuleKind(typeName) is not { } kind)
        {
            typeElement.Report(ConfigurationProblemCodes.UnknownType, "must be one of: " + string.Join(", ", kinds.RuleKinds.Select(k => k.TypeName)));
            return (named, null);
        }

        var allowed = new List<string>(ScoringRuleKind.SharedProperties);
        allowed.AddRange(kind.Properties.Select(p => p.Name));
        var before = rule.Problems.Count;
        rule.ExpectObject(allowed.ToArray());
        var name = rule.TryGetRequired("name", out var nameElement) ? nameElement.GetString(128) : null;
        var dimension = rule.TryGetProperty("dimension", out var dimensionElement) ? ReadDimension(dimensionElement) : kind.DefaultDimension;
        var group = rule.TryGetProperty("group", out var groupElement) ? groupElement.GetString(128) : null;
        if (name is null || dimension is null)
        {
            return (placeholder, null);
        }

        // A placeholder joins no group: its stand-in dimension would add a problem the document does not have.
        var read = kind.ReadRule(rule, name, dimension.Value);
        return rule.Problems.Count == before && read is not null ? (read, group) : (new PlaceholderRule(name), null);
    }

    private static ScoringGroup? ReadGroup(ConfigurationElement group)
    {
        var before = group.Problems.Count;
        if (!group.ExpectObject(GroupProperties))
        {
            return null;
        }

        var name = group.TryGetRequired("name", out var nameElement) ? nameElement.GetString(128) : null;
        var dimension = group.TryGetRequired("dimension", out var dimensionElement) ? ReadDimension(dimensionElement) : null;
        var floor = group.TryGetProperty("floor", out var floorElement) ? floorElement.GetNumber() : null;
        var cap = group.TryGetProperty("cap", out var capElement) ? capElement.GetNumber() : null;
        var decay = group.TryGetProperty("decay", out var decayElement) ? DecayKind.ReadDecay(decayElement) : null;
        return group.Problems.Count == before && name is not null && dimension is { } d
            ? new ScoringGroup(name, d) { Limits = new ScoreLimits(floor, cap), Decay = decay }
            : null;
    }

    private static ScoreLimits ReadLimits(ConfigurationElement limits, string name)
    {
        if (!limits.TryGetProperty(name, out var limit) || !limit.ExpectObject(LimitProperties))
        {
            return ScoreLimits.None;
        }

        var floor = limit.TryGetProperty("floor", out var floorElement) ? floorElement.GetNumber() : null;
        var cap = limit.TryGetProperty("cap", out var capElement) ? capElement.GetNumber() : null;
        return new ScoreLimits(floor, cap);
    }

    private static ScoreDimension? ReadDimension(ConfigurationElement dimension)
    {
        switch (dimension.GetString(16))
        {
            case "fit":
                return ScoreDimension.Fit;
            case "engagement":
                return ScoreDimension.Engagement;
            case null:
                return null;
            default:
                dimension.Report(ConfigurationProblemCodes.InvalidValue, "must be 'fit' or 'engagement'");
                return null;
        }
    }

    /// <summary>Reads the optional <c>thresholds</c> object.</summary>
    private static RuleSetThresholds ReadThresholds(ConfigurationElement thresholds)
    {
        if (!thresholds.ExpectObject("mql", "temperature"))
        {
            return RuleSetThresholds.None;
        }

        MqlRule? rule = null;
        double? mqlFit = null, mqlEngagement = null, mqlTotal = null;
        if (thresholds.TryGetProperty("mql", out var mql) && mql.ExpectObject("rule", "fit", "engagement", "total"))
        {
            if (mql.TryGetProperty("rule", out var ruleElement) && ruleElement.GetString(32) is { } ruleName)
            {
                rule = ruleName switch { "fitAndEngagement" => MqlRule.FitAndEngagement, "total" => MqlRule.Total, _ => null };
                if (rule is null)
                {
                    ruleElement.Report(ConfigurationProblemCodes.InvalidValue, "must be 'fitAndEngagement' or 'total'");
                }
            }

            mqlFit = Number(mql, "fit");
            mqlEngagement = Number(mql, "engagement");
            mqlTotal = Number(mql, "total");
        }

        int? hotDays = null, warmDays = null;
        double? warmEngagement = null, hotEngagement = null, hysteresis = null;
        if (thresholds.TryGetProperty("temperature", out var t) && t.ExpectObject("hotWithinDays", "warmWithinDays", "warmEngagement", "hotEngagement", "hysteresis"))
        {
            hotDays = t.TryGetProperty("hotWithinDays", out var hot) ? hot.GetInt32(0) : null;
            warmDays = t.TryGetProperty("warmWithinDays", out var warm) ? warm.GetInt32(0) : null;
            if (warmDays is { } w && hotDays is { } h && w < h)
            {
                t.Report("warmWithinDays", ConfigurationProblemCodes.Conflict, "must be at least hotWithinDays");
            }

            warmEngagement = Number(t, "warmEngagement");
            hotEngagement = Number(t, "hotEngagement");
            if (warmEngagement is { } we && hotEngagement is { } he && he < we)
            {
                t.Report("hotEngagement", ConfigurationProblemCodes.Conflict, "must be at least warmEngagement");
            }

            hysteresis = t.TryGetProperty("hysteresis", out var hy) ? hy.GetNumber(0) : null;
        }

        return new RuleSetThresholds
        {
            MqlRule = rule,
            MqlFit = mqlFit,
            MqlEngagement = mqlEngagement,
            MqlTotal = mqlTotal,
            HotWithinDays = hotDays,
            WarmWithinDays = warmDays,
            WarmEngagement = warmEngagement,
            HotEngagement = hotEngagement,
            Hysteresis = hysteresis,
        };
    }

    private static double? Number(ConfigurationElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetNumber() : null;

    /// <summary>
    /// Stands in for a rule the document could not describe, so later rule indexes stay correct; it keeps the rule's name
    /// when one was given, so a repeated name is still reported.
    /// </summary>
    private sealed class PlaceholderRule(string name) : IScoringRule
    {
        public string Name { get; } = name;

        public ScoreDimension Dimension => ScoreDimension.Fit;

        public double Evaluate(Lead lead, DateTimeOffset asOf) => 0;
    }
}
