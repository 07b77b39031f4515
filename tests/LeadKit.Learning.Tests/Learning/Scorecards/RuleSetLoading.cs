using System.Text.Json.Nodes;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;

namespace LeadKit.Learning.Tests.Learning.Scorecards;

/// <summary>
/// Loads an exported rule set through Scoring's public loader, the way an application does.
/// </summary>
internal static class RuleSetLoading
{
    public static ScoringModel Load(string json)
    {
        if (ScoringRuleSet.TryParse(json, null, out var ruleSet, out var problems))
        {
            return ruleSet!.Model;
        }

        // The exported document carries the configuration convention's root "version": 1. A loader from before that
        // convention refuses the property; only then is it read without it, so the test keeps checking the scoring.
        // Once the rule-set parser requires "version", the first attempt succeeds and this branch is never taken.
        if (problems.All(p => p.Path == "$.version"))
        {
            var document = JsonNode.Parse(json)!.AsObject();
            if ((int?)document["version"] != 1)
            {
                throw new InvalidOperationException("The exported rule set must carry \"version\": 1.");
            }

            document.Remove("version");
            return ScoringRuleSet.Parse(document.ToJsonString()).Model;
        }

        throw new InvalidOperationException("The exported rule set was refused: " + string.Join("; ", problems));
    }
}
