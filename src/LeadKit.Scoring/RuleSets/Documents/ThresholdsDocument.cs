namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of a rule set's qualification and temperature thresholds.</summary>
internal sealed class ThresholdsDocument
{
    public MqlThresholdsDocument? Mql { get; set; }

    public TemperatureThresholdsDocument? Temperature { get; set; }
}
