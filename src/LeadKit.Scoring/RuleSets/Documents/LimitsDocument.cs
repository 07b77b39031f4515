namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of the dimension and total limits.</summary>
internal sealed class LimitsDocument
{
    public LimitDocument? Fit { get; set; }

    public LimitDocument? Engagement { get; set; }

    public LimitDocument? Total { get; set; }
}
