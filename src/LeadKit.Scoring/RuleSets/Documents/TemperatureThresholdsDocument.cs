namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of the temperature thresholds.</summary>
internal sealed class TemperatureThresholdsDocument
{
    public int? HotWithinDays { get; set; }

    public int? WarmWithinDays { get; set; }

    public double? WarmEngagement { get; set; }

    public double? HotEngagement { get; set; }

    public double? Hysteresis { get; set; }
}
