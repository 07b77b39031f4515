namespace LeadKit.Scoring.Qualification;

/// <summary>A set of BANT criteria (budget, authority, need, timeline).</summary>
[Flags]
public enum BantCriteria
{
    /// <summary>No criterion.</summary>
    None = 0,

    /// <summary>Budget confirmed.</summary>
    Budget = 1,

    /// <summary>Authority confirmed.</summary>
    Authority = 2,

    /// <summary>Need confirmed.</summary>
    Need = 4,

    /// <summary>Timeline confirmed.</summary>
    Timeline = 8,

    /// <summary>All four criteria.</summary>
    All = Budget | Authority | Need | Timeline,
}
