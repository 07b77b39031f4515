using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Explanations;

/// <summary>A sum before and after its floor and cap (a group, a dimension or the total).</summary>
/// <remarks>A value type, like <see cref="RuleContribution"/>: explanations allocate arrays, not one object per limit.</remarks>
/// <param name="Name">The group name, or <c>fit</c>, <c>engagement</c>, <c>total</c>.</param>
/// <param name="RawPoints">The sum before the limits.</param>
/// <param name="Limits">The floor and cap.</param>
/// <param name="Points">The sum after the limits.</param>
public readonly record struct LimitContribution(string Name, double RawPoints, ScoreLimits Limits, double Points)
{
    /// <summary>Gets the points the limits added (floor) or removed (cap): <c>Points - RawPoints</c>.</summary>
    public double Clipping => Points - RawPoints;
}
