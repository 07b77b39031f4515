namespace LeadKit.Abstractions.Scoring;

/// <summary>A lead's score: fit points, engagement points and the total, after caps, floors and decay.</summary>
/// <param name="Fit">Fit points (who the lead is).</param>
/// <param name="Engagement">Engagement points (what the lead did).</param>
/// <param name="Total">The total; <c>Fit + Engagement</c> unless a cap or floor on the total applies.</param>
public readonly record struct LeadScore(double Fit, double Engagement, double Total);
