namespace LeadKit.Scoring.Qualification;

/// <summary>How the default policy decides that a lead with interest is marketing-qualified.</summary>
public enum MqlRule
{
    /// <summary>Fit and engagement must each reach their threshold (the default: a good fit that did nothing, or an active bad fit, is not an MQL).</summary>
    FitAndEngagement = 0,

    /// <summary>The total must reach <see cref="QualificationOptions.MqlTotalThreshold"/>.</summary>
    Total,
}
