namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of the MQL thresholds.</summary>
internal sealed class MqlThresholdsDocument
{
    public string? Rule { get; set; }

    public double? Fit { get; set; }

    public double? Engagement { get; set; }

    public double? Total { get; set; }
}
