namespace LeadKit.Learning.Backtesting;

/// <summary>An observed proportion (successes out of trials) with its Wilson score confidence interval.</summary>
/// <remarks>
/// For <c>k</c> successes in <c>n</c> trials, <c>p = k / n</c> and the z-value of the confidence level,
/// the Wilson interval is <c>(p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)</c>. Unlike the normal
/// approximation it stays within [0, 1] and is sensible for small counts and rates near 0 or 1.
/// With no trials the rate is 0 and the interval is [0, 1].
/// </remarks>
public readonly record struct ProportionInterval
{
    /// <summary>The z-value of a two-sided 95% interval (the 97.5th percentile of the standard normal distribution).</summary>
    public const double Z95 = 1.959963984540054;

    private ProportionInterval(int successes, int trials, double lower, double upper)
    {
        Successes = successes;
        Trials = trials;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Gets the number of successes.</summary>
    public int Successes { get; }

    /// <summary>Gets the number of trials.</summary>
    public int Trials { get; }

    /// <summary>Gets the observed rate <c>successes / trials</c> (0 when there are no trials).</summary>
    public double Rate => Trials == 0 ? 0 : (double)Successes / Trials;

    /// <summary>Gets the lower bound of the interval.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound of the interval.</summary>
    public double Upper { get; }

    /// <summary>Computes the Wilson score interval.</summary>
    /// <param name="successes">The number of successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, not negative.</param>
    /// <param name="z">The z-value of the confidence level; defaults to <see cref="Z95"/> (95%).</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range or <paramref name="z"/> is not positive and finite.</exception>
    public static ProportionInterval Wilson(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"successes must be between 0 and trials ({trials}) (was {successes}).");
        }

        if (!double.IsFinite(z) || z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, $"z must be a positive finite number (was {z}).");
        }

        if (trials == 0)
        {
            return new(0, 0, 0, 1);
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = p + (z2 / (2 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var lower = Math.Max(0, (centre - margin) / denominator);
        var upper = Math.Min(1, (centre + margin) / denominator);
        return new(successes, trials, successes == 0 ? 0 : lower, successes == trials ? 1 : upper);
    }
}
