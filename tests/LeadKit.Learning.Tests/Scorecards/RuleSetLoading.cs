using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;

namespace LeadKit.Learning.Tests.Scorecards;

/// <summary>
/// Loads an exported rule set through Scoring's public loader, the way an application does.
/// </summary>
internal static class RuleSetLoading
{
    public static ScoringModel Load(string json)
        => ScoringRuleSet.TryParse(json, null, out var ruleSet, out var problems)
            ? ruleSet!.Model
            : throw new InvalidOperationException("The exported rule set was refused: " + string.Join("; ", problems));
}
