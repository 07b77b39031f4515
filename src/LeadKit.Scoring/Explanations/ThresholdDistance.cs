using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Explanations;

/// <summary>How many more points would move a lead over the next threshold, e.g. "+12 engagement points would make this lead hot".</summary>
/// <remarks>Init properties (not a positional record), so a later release can add a field without breaking callers.</remarks>
public sealed record ThresholdDistance
{
    /// <summary>Creates a distance.</summary>
    /// <param name="target">What the lead would become: <c>warm</c>, <c>hot</c>, <c>mql</c>, ...</param>
    /// <param name="dimension">The dimension the points are needed in, or <see langword="null"/> for the total.</param>
    /// <param name="pointsNeeded">The points needed (positive).</param>
    [SetsRequiredMembers]
    internal ThresholdDistance(string target, ScoreDimension? dimension, double pointsNeeded)
    {
        Target = target;
        Dimension = dimension;
        PointsNeeded = pointsNeeded;
    }

    /// <summary>Gets what the lead would become: <c>warm</c>, <c>hot</c>, <c>mql</c>, ...</summary>
    public required string Target { get; init; }

    /// <summary>Gets the dimension the points are needed in, or <see langword="null"/> for the total.</summary>
    public ScoreDimension? Dimension { get; init; }

    /// <summary>Gets the points needed (positive).</summary>
    public required double PointsNeeded { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var dimension = Dimension switch
        {
            ScoreDimension.Fit => "fit ",
            ScoreDimension.Engagement => "engagement ",
            _ => string.Empty,
        };
        return string.Create(CultureInfo.InvariantCulture, $"+{PointsNeeded:0.##} {dimension}points would make this lead {Target}");
    }
}
