using System.Globalization;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.Scorecards;

/// <summary>Options of a <see cref="ScorecardTrainer"/>; validated when the trainer is created.</summary>
public sealed class ScorecardOptions
{
    /// <summary>Gets or sets the L2 (ridge) penalty λ on the condition coefficients (not on the intercept).</summary>
    /// <value>Defaults to 1. Non-negative and finite; 0 fits an unpenalised model, which fails clearly when conditions are
    /// collinear or separate won from lost perfectly.</value>
    /// <remarks>The fit maximises <c>Σ log-likelihood − λ/2 · Σ βⱼ²</c>, the same objective as ML.NET's L-BFGS
    /// logistic regression with <c>L2Regularization = λ</c>.</remarks>
    public double L2 { get; set; } = 1.0;

    /// <summary>Gets or sets the most Newton iterations before the fit gives up.</summary>
    /// <value>Defaults to 100; 1 to 10,000.</value>
    public int MaxIterations { get; set; } = 100;

    /// <summary>Gets or sets the convergence tolerance on the largest coefficient change of a Newton step.</summary>
    /// <value>Defaults to 1e-9; positive.</value>
    public double Tolerance { get; set; } = 1e-9;

    /// <summary>Gets or sets the fewest won leads training needs.</summary>
    /// <value>Defaults to 40 (as Dynamics 365 asks); at least 1.</value>
    public int MinimumWon { get; set; } = 40;

    /// <summary>Gets or sets the fewest lost leads training needs.</summary>
    /// <value>Defaults to 40; at least 1.</value>
    public int MinimumLost { get; set; } = 40;

    /// <summary>Gets or sets how coefficients become points.</summary>
    /// <value>Defaults to <see cref="ScorecardScaling.Default"/> (50 points at 1:1, 10 points to double the odds).</value>
    public ScorecardScaling Scaling { get; set; } = ScorecardScaling.Default;

    /// <summary>Lists every invalid option, naming the option and its value.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate()
    {
        var problems = new List<ConfigurationProblem>();
        if (!double.IsFinite(L2) || L2 < 0)
        {
            problems.Add(new ConfigurationProblem("L2", ConfigurationProblemCodes.OutOfRange, Invariant($"must be a non-negative finite number (was {L2})")));
        }

        if (MaxIterations is < 1 or > 10_000)
        {
            problems.Add(new ConfigurationProblem("MaxIterations", ConfigurationProblemCodes.OutOfRange, Invariant($"must be between 1 and 10000 (was {MaxIterations})")));
        }

        if (!double.IsFinite(Tolerance) || Tolerance <= 0)
        {
            problems.Add(new ConfigurationProblem("Tolerance", ConfigurationProblemCodes.OutOfRange, Invariant($"must be a positive finite number (was {Tolerance})")));
        }

        if (MinimumWon < 1)
        {
            problems.Add(new ConfigurationProblem("MinimumWon", ConfigurationProblemCodes.OutOfRange, Invariant($"must be at least 1 (was {MinimumWon})")));
        }

        if (MinimumLost < 1)
        {
            problems.Add(new ConfigurationProblem("MinimumLost", ConfigurationProblemCodes.OutOfRange, Invariant($"must be at least 1 (was {MinimumLost})")));
        }

        if (Scaling is null)
        {
            problems.Add(new ConfigurationProblem("Scaling", ConfigurationProblemCodes.Required, "must not be null"));
        }
        else
        {
            problems.AddRange(Scaling.Validate());
        }

        return problems;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
