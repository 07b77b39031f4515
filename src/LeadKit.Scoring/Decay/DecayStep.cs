namespace LeadKit.Scoring.Decay;

/// <summary>One step of a step decay: from <paramref name="After"/> on, points are multiplied by <paramref name="Factor"/>.</summary>
/// <param name="After">The age from which the factor applies; must be positive.</param>
/// <param name="Factor">The factor in [0, 1]; later steps must not have a larger factor.</param>
public readonly record struct DecayStep(TimeSpan After, double Factor);
