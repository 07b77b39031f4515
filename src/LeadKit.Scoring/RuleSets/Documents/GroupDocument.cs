namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of a rule group.</summary>
internal sealed class GroupDocument
{
    public string? Name { get; set; }

    public string? Dimension { get; set; }

    public double? Floor { get; set; }

    public double? Cap { get; set; }

    public DecayDocument? Decay { get; set; }
}
