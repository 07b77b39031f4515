namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of a decay function.</summary>
internal sealed class DecayDocument
{
    public string? Kind { get; set; }

    public double? LifetimeDays { get; set; }

    public double? HalfLifeDays { get; set; }

    public double? WindowDays { get; set; }

    public List<DecayStepDocument?>? Steps { get; set; }
}
