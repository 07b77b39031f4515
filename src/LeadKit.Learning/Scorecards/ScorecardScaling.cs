using System.Globalization;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.Scorecards;

/// <summary>
/// How log-odds become points, the way credit scorecards scale them: a base score at a base odds, and the points
/// that double the odds.
/// </summary>
/// <remarks>
/// <para><c>Factor = PointsToDoubleOdds / ln 2</c> and <c>Offset = BaseScore − Factor · ln(BaseOdds)</c>, so that
/// <c>score = Offset + Factor · ln(odds)</c>: a lead at odds <see cref="BaseOdds"/> scores <see cref="BaseScore"/>, and
/// every <see cref="PointsToDoubleOdds"/> more points double its odds of being won.</para>
/// <para>Example (the textbook credit scorecard): 600 points at odds 50:1 with 20 points to double the odds gives
/// Factor = 28.8539 and Offset = 487.1229.</para>
/// </remarks>
/// <param name="BaseScore">The score of a lead at the base odds.</param>
/// <param name="BaseOdds">The odds of winning (won : lost, e.g. 1 for 1:1, 0.25 for 1:4) that score <paramref name="BaseScore"/>.</param>
/// <param name="PointsToDoubleOdds">The points that double the odds (PDO).</param>
public sealed record ScorecardScaling(double BaseScore, double BaseOdds, double PointsToDoubleOdds)
{
    /// <summary>Gets the default scaling for leads: 50 points at even odds (1:1), 10 points to double the odds.</summary>
    public static ScorecardScaling Default { get; } = new(50, 1, 10);

    /// <summary>Gets the points per unit of log-odds: <c>PointsToDoubleOdds / ln 2</c>.</summary>
    public double Factor => PointsToDoubleOdds / Math.Log(2);

    /// <summary>Gets the score at log-odds 0 (even odds): <c>BaseScore − Factor · ln(BaseOdds)</c>.</summary>
    public double Offset => BaseScore - (Factor * Math.Log(BaseOdds));

    /// <summary>Converts points back to the probability of winning they stand for: <c>1 / (1 + e^−(points − Offset) / Factor)</c>.</summary>
    /// <param name="points">The score.</param>
    /// <returns>The probability.</returns>
    public double ProbabilityAt(double points) => 1 / (1 + Math.Exp(-(points - Offset) / Factor));

    internal IEnumerable<ConfigurationProblem> Validate()
    {
        if (!double.IsFinite(BaseScore))
        {
            yield return new ConfigurationProblem("Scaling.BaseScore", ConfigurationProblemCodes.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"must be a finite number (was {BaseScore})"));
        }

        if (!double.IsFinite(BaseOdds) || BaseOdds <= 0)
        {
            yield return new ConfigurationProblem("Scaling.BaseOdds", ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be a positive finite number (was {BaseOdds})"));
        }

        if (!double.IsFinite(PointsToDoubleOdds) || PointsToDoubleOdds <= 0)
        {
            yield return new ConfigurationProblem("Scaling.PointsToDoubleOdds", ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be a positive finite number (was {PointsToDoubleOdds})"));
        }
    }
}
