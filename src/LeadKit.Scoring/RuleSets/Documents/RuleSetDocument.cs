using System.Text.Json.Serialization;

namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of a whole rule set (see docs/scoring-rules.md).</summary>
internal sealed class RuleSetDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Name { get; set; }

    public LimitsDocument? Limits { get; set; }

    public List<GroupDocument?>? Groups { get; set; }

    public List<RuleDocument?>? Rules { get; set; }

    public ThresholdsDocument? Thresholds { get; set; }
}
