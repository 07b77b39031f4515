using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;

namespace LeadKit.Scoring.Model;

/// <summary>
/// A named group of rules of one dimension whose summed points are clipped by <see cref="Limits"/> (e.g. "web
/// activity counts at most 30 points"), with an optional decay for its signal rules that have none of their own.
/// </summary>
/// <param name="Name">The group's name, unique within the model.</param>
/// <param name="Dimension">The dimension of every rule in the group.</param>
public sealed record ScoringGroup(string Name, ScoreDimension Dimension)
{
    /// <summary>Gets the floor and cap applied to the group's summed points.</summary>
    /// <value>Defaults to no limits.</value>
    public ScoreLimits Limits { get; init; }

    /// <summary>Gets the decay used by the group's signal rules that do not set their own.</summary>
    /// <value>Defaults to <see langword="null"/> (no decay).</value>
    public DecayFunction? Decay { get; init; }
}
