namespace LeadKit.Scoring.Decay;

/// <summary>The shape of a decay curve: how an engagement signal loses weight as it ages.</summary>
public enum DecayKind
{
    /// <summary>No decay: factor 1 at every age.</summary>
    None = 0,

    /// <summary>Linear: <c>max(0, 1 - age / lifetime)</c>.</summary>
    Linear,

    /// <summary>Exponential half-life: <c>2^(-age / halfLife)</c>.</summary>
    Exponential,

    /// <summary>Step: 1 until the first step's age, then each step's factor from its age on.</summary>
    Step,

    /// <summary>Sliding window: 1 while <c>age &lt;= window</c>, 0 after.</summary>
    SlidingWindow,
}
