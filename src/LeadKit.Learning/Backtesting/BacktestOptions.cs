using System.Globalization;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.Backtesting;

/// <summary>Options of a <see cref="Backtester"/>; validated when the backtester is created.</summary>
public sealed class BacktestOptions
{
    /// <summary>Gets or sets the model's MQL score threshold, for the confusion matrix at it.</summary>
    /// <value>Defaults to <see langword="null"/> (no matrix). Must be finite when set.</value>
    public double? MqlThreshold { get; set; }

    /// <summary>Gets or sets the model's SQL score threshold, for the confusion matrix at it.</summary>
    /// <value>Defaults to <see langword="null"/> (no matrix). Must be finite when set.</value>
    public double? SqlThreshold { get; set; }

    /// <summary>Gets or sets the number of equal-count score bands in the calibration table.</summary>
    /// <value>Defaults to 10 (deciles). 1 to 1,000. Tied scores are never split across bands, so there may be fewer.</value>
    public int CalibrationBandCount { get; set; } = 10;

    /// <summary>Gets or sets how many leads per week the sales team can work, for the capacity threshold suggestion.</summary>
    /// <value>Defaults to <see langword="null"/> (no suggestion). Positive when set.</value>
    public int? WeeklyCapacity { get; set; }

    /// <summary>Gets or sets the fewest converted leads the history must hold.</summary>
    /// <value>Defaults to 1; at least 1 (an AUC needs both classes).</value>
    public int MinimumConverted { get; set; } = 1;

    /// <summary>Gets or sets the fewest non-converted leads the history must hold.</summary>
    /// <value>Defaults to 1; at least 1.</value>
    public int MinimumNotConverted { get; set; } = 1;

    /// <summary>Gets or sets the number of bootstrap resamples when comparing two scorers.</summary>
    /// <value>Defaults to 1,000. 100 to 100,000.</value>
    public int BootstrapIterations { get; set; } = 1000;

    /// <summary>Gets or sets the random seed of the bootstrap; the same seed gives the same interval.</summary>
    /// <value>Defaults to 20260601.</value>
    public int BootstrapSeed { get; set; } = 20260601;

    /// <summary>Gets or sets the confidence level of the bootstrap interval.</summary>
    /// <value>Defaults to 0.95. Strictly between 0.5 and 1.</value>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Lists every invalid option, naming the option and its value.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate()
    {
        var problems = new List<ConfigurationProblem>();
        if (MqlThreshold is { } mql && !double.IsFinite(mql))
        {
            problems.Add(new ConfigurationProblem("MqlThreshold", ConfigurationProblemCodes.InvalidValue, Invariant($"must be a finite number (was {mql})")));
        }

        if (SqlThreshold is { } sql && !double.IsFinite(sql))
        {
            problems.Add(new ConfigurationProblem("SqlThreshold", ConfigurationProblemCodes.InvalidValue, Invariant($"must be a finite number (was {sql})")));
        }

        if (CalibrationBandCount is < 1 or > 1000)
        {
            problems.Add(new ConfigurationProblem("CalibrationBandCount", ConfigurationProblemCodes.OutOfRange, Invariant($"must be between 1 and 1000 (was {CalibrationBandCount})")));
        }

        if (WeeklyCapacity is <= 0)
        {
            problems.Add(new ConfigurationProblem("WeeklyCapacity", ConfigurationProblemCodes.OutOfRange, Invariant($"must be positive when set (was {WeeklyCapacity})")));
        }

        if (MinimumConverted < 1)
        {
            problems.Add(new ConfigurationProblem("MinimumConverted", ConfigurationProblemCodes.OutOfRange, Invariant($"must be at least 1 (was {MinimumConverted})")));
        }

        if (MinimumNotConverted < 1)
        {
            problems.Add(new ConfigurationProblem("MinimumNotConverted", ConfigurationProblemCodes.OutOfRange, Invariant($"must be at least 1 (was {MinimumNotConverted})")));
        }

        if (BootstrapIterations is < 100 or > 100_000)
        {
            problems.Add(new ConfigurationProblem("BootstrapIterations", ConfigurationProblemCodes.OutOfRange, Invariant($"must be between 100 and 100000 (was {BootstrapIterations})")));
        }

        if (!(ConfidenceLevel > 0.5 && ConfidenceLevel < 1))
        {
            problems.Add(new ConfigurationProblem("ConfidenceLevel", ConfigurationProblemCodes.OutOfRange, Invariant($"must be strictly between 0.5 and 1 (was {ConfidenceLevel})")));
        }

        return problems;
    }

    internal BacktestOptions Clone() => (BacktestOptions)MemberwiseClone();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
