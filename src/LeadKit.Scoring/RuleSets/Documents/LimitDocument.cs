namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of one floor/cap pair.</summary>
internal sealed class LimitDocument
{
    public double? Floor { get; set; }

    public double? Cap { get; set; }
}
