using System.Globalization;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Explanations;

/// <summary>How many more points would move a lead over the next threshold, e.g. "+12 engagement points would make this lead hot".</summary>
/// <param name="Target">What the lead would become: <c>warm</c>, <c>hot</c>, <c>mql</c>, ...</param>
/// <param name="Dimension">The dimension the points are needed in, or <see langword="null"/> for the total.</param>
/// <param name="PointsNeeded">The points needed (positive).</param>
public sealed record ThresholdDistance(string Target, ScoreDimension? Dimension, double PointsNeeded)
{
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
