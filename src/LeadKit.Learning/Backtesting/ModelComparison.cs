namespace LeadKit.Learning.Backtesting;

/// <summary>Two scorers compared on the same history: their AUCs and a bootstrap confidence interval on the difference.</summary>
/// <param name="FirstAuc">The AUC of the first scorer.</param>
/// <param name="SecondAuc">The AUC of the second scorer.</param>
/// <param name="Difference">The observed difference <c>FirstAuc − SecondAuc</c>; positive when the first ranks converted leads higher.</param>
/// <param name="Lower">The lower bound of the percentile-bootstrap interval of the difference.</param>
/// <param name="Upper">The upper bound of the percentile-bootstrap interval of the difference.</param>
/// <param name="ConfidenceLevel">The confidence level of the interval, e.g. 0.95.</param>
/// <param name="Iterations">The number of bootstrap resamples.</param>
/// <param name="Seed">The random seed of the resampling; the same seed gives the same interval.</param>
public sealed record ModelComparison(
    double FirstAuc,
    double SecondAuc,
    double Difference,
    double Lower,
    double Upper,
    double ConfidenceLevel,
    int Iterations,
    int Seed)
{
    /// <summary>Gets a value indicating whether the interval excludes 0, i.e. one scorer ranks significantly better at the chosen level.</summary>
    public bool IsSignificant => Lower > 0 || Upper < 0;
}
