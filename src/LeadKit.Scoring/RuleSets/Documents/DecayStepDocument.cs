namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of one step of a step decay.</summary>
internal sealed class DecayStepDocument
{
    public double? AfterDays { get; set; }

    public double? Factor { get; set; }
}
