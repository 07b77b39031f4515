namespace LeadKit.Scoring.Kernel;

/// <summary>
/// The decay curves the signal pass computes inline. Each <c>DecayKind</c> descriptor reduces its functions to one of
/// these (its kernel plan); a new decay kind reuses a curve or adds one here and to <see cref="CompiledDecay.Factor"/>.
/// </summary>
internal enum DecayCurve
{
    /// <summary>Factor 1 at every age.</summary>
    None = 0,

    /// <summary><c>max(0, 1 - age · rate)</c>.</summary>
    Linear,

    /// <summary><c>2^(-age · rate)</c>.</summary>
    Exponential,

    /// <summary>The factor of the last step whose age has been reached, 1 before the first.</summary>
    Step,

    /// <summary>1 while <c>age &lt;= window</c>, 0 after.</summary>
    SlidingWindow,
}
