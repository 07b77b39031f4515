namespace LeadKit.Learning.Scorecards;

/// <summary>One condition of a learned scorecard with its fitted coefficient and its integer points.</summary>
public sealed record ScorecardEntry
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="condition">The value of <see cref="Condition"/>.</param>
    /// <param name="coefficient">The value of <see cref="Coefficient"/>.</param>
    /// <param name="points">The value of <see cref="Points"/>.</param>
    /// <param name="support">The value of <see cref="Support"/>.</param>
    /// <param name="won">The value of <see cref="Won"/>.</param>
    internal ScorecardEntry(LeadCondition condition, double coefficient, int points, int support, int won)
    {
        Condition = condition;
        Coefficient = coefficient;
        Points = points;
        Support = support;
        Won = won;
    }

    /// <summary>Gets the condition.</summary>
    public LeadCondition Condition { get; init; }

    /// <summary>Gets the fitted logistic-regression coefficient: the change in log-odds of winning when the condition holds.</summary>
    public double Coefficient { get; init; }

    /// <summary>Gets the points a lead gets when the condition holds: <c>round(Factor · Coefficient)</c> (half away from zero).</summary>
    public int Points { get; init; }

    /// <summary>Gets the training leads that met the condition.</summary>
    public int Support { get; init; }

    /// <summary>Gets the training leads that met the condition and were won.</summary>
    public int Won { get; init; }

    /// <summary>Gets the observed conversion of the training leads that met the condition (0 without support).</summary>
    public double ObservedConversion => Support == 0 ? 0 : (double)Won / Support;
}
