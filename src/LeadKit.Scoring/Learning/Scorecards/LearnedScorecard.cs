using System.Collections.Immutable;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Learning.Scorecards;

/// <summary>
/// An explainable points model learned from won / lost history: base points plus integer points per condition, scaled
/// the way credit scorecards are (see <see cref="ScorecardScaling"/>). Created by <see cref="ScorecardTrainer"/>.
/// </summary>
/// <remarks>
/// <para>A lead scores <c>BasePoints + Σ Points of the conditions it meets</c>; fit conditions add to
/// <see cref="LeadScore.Fit"/> (which also holds the base points), engagement conditions to <see cref="LeadScore.Engagement"/>.
/// With <c>Factor</c> and <c>Offset</c> from the scaling, <c>BasePoints = round(Offset + Factor · β₀)</c> and
/// <c>Points = round(Factor · βⱼ)</c>, so the score is the model's log-odds on the points scale, up to rounding.</para>
/// <para>Immutable and thread-safe when the conditions' predicates are. Scoring loops over pre-built arrays and does not allocate.</para>
/// </remarks>
public sealed class LearnedScorecard : ILeadScorer
{
    private readonly Func<Lead, DateTimeOffset, bool>[] _predicates;
    private readonly int[] _points;
    private readonly bool[] _isEngagement;
    private readonly double[] _coefficients;

    internal LearnedScorecard(ImmutableArray<ScorecardEntry> entries, double intercept, ScorecardScaling scaling, int iterations, int trainingCount)
    {
        Entries = entries;
        Intercept = intercept;
        Scaling = scaling;
        Iterations = iterations;
        TrainingCount = trainingCount;
        BasePoints = RoundPoints(scaling.Offset + (scaling.Factor * intercept));
        _predicates = new Func<Lead, DateTimeOffset, bool>[entries.Length];
        _points = new int[entries.Length];
        _isEngagement = new bool[entries.Length];
        _coefficients = new double[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            _predicates[i] = entries[i].Condition.Predicate;
            _points[i] = entries[i].Points;
            _isEngagement[i] = entries[i].Condition.Dimension == ScoreDimension.Engagement;
            _coefficients[i] = entries[i].Coefficient;
        }
    }

    /// <summary>Gets the conditions with their coefficients and points, in the order they were given.</summary>
    public ImmutableArray<ScorecardEntry> Entries { get; }

    /// <summary>Gets the fitted intercept β₀ (log-odds of a lead that meets no condition).</summary>
    public double Intercept { get; }

    /// <summary>Gets the points every lead starts with: <c>round(Offset + Factor · β₀)</c>.</summary>
    public int BasePoints { get; }

    /// <summary>Gets the scaling that turned coefficients into points.</summary>
    public ScorecardScaling Scaling { get; }

    /// <summary>Gets the Newton iterations the fit took.</summary>
    public int Iterations { get; }

    /// <summary>Gets the number of leads the scorecard was trained on.</summary>
    public int TrainingCount { get; }

    /// <summary>Scores a lead: base points plus the points of every condition it meets.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the lead is read as of.</param>
    /// <returns>The score; <c>Total = Fit + Engagement</c>.</returns>
    public LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var fit = BasePoints;
        var engagement = 0;
        for (var i = 0; i < _predicates.Length; i++)
        {
            if (_predicates[i](lead, asOf))
            {
                if (_isEngagement[i])
                {
                    engagement += _points[i];
                }
                else
                {
                    fit += _points[i];
                }
            }
        }

        return new LeadScore(fit, engagement, fit + engagement);
    }

    /// <summary>Predicts the probability of winning from the unrounded coefficients: <c>1 / (1 + e^−(β₀ + Σ βⱼ))</c>.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the lead is read as of.</param>
    /// <returns>The probability.</returns>
    public double Probability(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var logOdds = Intercept;
        for (var i = 0; i < _predicates.Length; i++)
        {
            if (_predicates[i](lead, asOf))
            {
                logOdds += _coefficients[i];
            }
        }

        return 1 / (1 + Math.Exp(-logOdds));
    }

    /// <summary>Lists the conditions a lead meets, with their points: the explanation of its score.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the lead is read as of.</param>
    /// <returns>The entries whose condition holds, in scorecard order.</returns>
    public ImmutableArray<ScorecardEntry> Explain(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var met = ImmutableArray.CreateBuilder<ScorecardEntry>();
        for (var i = 0; i < _predicates.Length; i++)
        {
            if (_predicates[i](lead, asOf))
            {
                met.Add(Entries[i]);
            }
        }

        return met.ToImmutable();
    }

    internal static int RoundPoints(double value) => checked((int)Math.Round(value, MidpointRounding.AwayFromZero));
}
