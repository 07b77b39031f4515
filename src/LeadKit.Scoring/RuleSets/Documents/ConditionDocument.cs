using System.Text.Json;

namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of a condition: a leaf (<c>field</c>, <c>op</c>, ...) or one of <c>all</c>, <c>any</c>, <c>not</c>.</summary>
internal sealed class ConditionDocument
{
    public string? Field { get; set; }

    public string? Key { get; set; }

    public string? Op { get; set; }

    public JsonElement? Value { get; set; }

    public List<string?>? Values { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public List<ConditionDocument?>? All { get; set; }

    public List<ConditionDocument?>? Any { get; set; }

    public ConditionDocument? Not { get; set; }
}
