using System.Diagnostics.CodeAnalysis;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Explanations;

/// <summary>A sum before and after its floor and cap (a group, a dimension or the total).</summary>
/// <remarks>A value type, like <see cref="RuleContribution"/>: explanations allocate arrays, not one object per limit. Init properties, so it can grow.</remarks>
public readonly record struct LimitContribution
{
    /// <summary>Creates a contribution from every field, in declaration order (the scoring engine's shorthand).</summary>
    [SetsRequiredMembers]
    internal LimitContribution(string name, double rawPoints, ScoreLimits limits, double points)
    {
        Name = name;
        RawPoints = rawPoints;
        Limits = limits;
        Points = points;
    }

    /// <summary>Gets the group name, or <c>fit</c>, <c>engagement</c>, <c>total</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the sum before the limits.</summary>
    public required double RawPoints { get; init; }

    /// <summary>Gets the floor and cap.</summary>
    public required ScoreLimits Limits { get; init; }

    /// <summary>Gets the sum after the limits.</summary>
    public required double Points { get; init; }

    /// <summary>Gets the points the limits added (floor) or removed (cap): <c>Points - RawPoints</c>.</summary>
    public double Clipping => Points - RawPoints;
}
