using System.Text.Json.Serialization;
using LeadKit.Scoring.RuleSets.Documents;

namespace LeadKit.Scoring.RuleSets;

/// <summary>Source-generated (reflection-free) JSON metadata for rule set documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    MaxDepth = ScoringRuleSet.MaximumJsonDepth,
    WriteIndented = true)]
[JsonSerializable(typeof(RuleSetDocument))]
internal sealed partial class RuleSetJsonContext : JsonSerializerContext;
