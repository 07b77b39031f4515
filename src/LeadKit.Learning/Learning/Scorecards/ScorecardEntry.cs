namespace LeadKit.Learning.Scorecards;

/// <summary>One condition of a learned scorecard with its fitted coefficient and its integer points.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="Coefficient">The fitted logistic-regression coefficient: the change in log-odds of winning when the condition holds.</param>
/// <param name="Points">The points a lead gets when the condition holds: <c>round(Factor · Coefficient)</c> (half away from zero).</param>
/// <param name="Support">The training leads that met the condition.</param>
/// <param name="Won">The training leads that met the condition and were won.</param>
public sealed record ScorecardEntry(LeadCondition Condition, double Coefficient, int Points, int Support, int Won)
{
    /// <summary>Gets the observed conversion of the training leads that met the condition (0 without support).</summary>
    public double ObservedConversion => Support == 0 ? 0 : (double)Won / Support;
}
