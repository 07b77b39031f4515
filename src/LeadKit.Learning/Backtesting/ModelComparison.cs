namespace LeadKit.Learning.Backtesting;

/// <summary>Two scorers compared on the same history: their AUCs and a bootstrap confidence interval on the difference.</summary>
public sealed record ModelComparison
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="firstAuc">The value of <see cref="FirstAuc"/>.</param>
    /// <param name="secondAuc">The value of <see cref="SecondAuc"/>.</param>
    /// <param name="difference">The value of <see cref="Difference"/>.</param>
    /// <param name="lower">The value of <see cref="Lower"/>.</param>
    /// <param name="upper">The value of <see cref="Upper"/>.</param>
    /// <param name="confidenceLevel">The value of <see cref="ConfidenceLevel"/>.</param>
    /// <param name="iterations">The value of <see cref="Iterations"/>.</param>
    /// <param name="seed">The value of <see cref="Seed"/>.</param>
    internal ModelComparison(double firstAuc, double secondAuc, double difference, double lower, double upper, double confidenceLevel, int iterations, int seed)
    {
        FirstAuc = firstAuc;
        SecondAuc = secondAuc;
        Difference = difference;
        Lower = lower;
        Upper = upper;
        ConfidenceLevel = confidenceLevel;
        Iterations = iterations;
        Seed = seed;
    }

    /// <summary>Gets the AUC of the first scorer.</summary>
    public double FirstAuc { get; init; }

    /// <summary>Gets the AUC of the second scorer.</summary>
    public double SecondAuc { get; init; }

    /// <summary>Gets the observed difference <c>FirstAuc − SecondAuc</c>; positive when the first ranks converted leads higher.</summary>
    public double Difference { get; init; }

    /// <summary>Gets the lower bound of the percentile-bootstrap interval of the difference.</summary>
    public double Lower { get; init; }

    /// <summary>Gets the upper bound of the percentile-bootstrap interval of the difference.</summary>
    public double Upper { get; init; }

    /// <summary>Gets the confidence level of the interval, e.g. 0.95.</summary>
    public double ConfidenceLevel { get; init; }

    /// <summary>Gets the number of bootstrap resamples.</summary>
    public int Iterations { get; init; }

    /// <summary>Gets the random seed of the resampling; the same seed gives the same interval.</summary>
    public int Seed { get; init; }

    /// <summary>Gets a value indicating whether the interval excludes 0, i.e. one scorer ranks significantly better at the chosen level.</summary>
    public bool IsSignificant => Lower > 0 || Upper < 0;
}
