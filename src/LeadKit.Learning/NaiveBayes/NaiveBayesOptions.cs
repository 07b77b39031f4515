using System.Globalization;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.NaiveBayes;

/// <summary>Options of a <see cref="NaiveBayesTrainer"/>; validated when the trainer is created.</summary>
public sealed class NaiveBayesOptions
{
    /// <summary>Gets the features the model learns from (at least one; names must be unique).</summary>
    public IList<LeadFeature> Features { get; } = [];

    /// <summary>Gets or sets the Laplace (additive) smoothing α added to every won and lost count.</summary>
    /// <value>Defaults to 1. Must be positive and finite: it keeps every probability strictly between 0 and 1.</value>
    public double Smoothing { get; set; } = 1.0;

    /// <summary>Gets or sets the fewest leads (won + lost) a feature value needs before it moves the probability;
    /// rarer values are neutral (their factor is 0), so a value seen once cannot dominate a prediction.</summary>
    /// <value>Defaults to 5; at least 1.</value>
    public int MinimumSupport { get; set; } = 5;

    /// <summary>Gets or sets the fewest won leads training needs.</summary>
    /// <value>Defaults to 40 (as Dynamics 365 asks); at least 1.</value>
    public int MinimumWon { get; set; } = 40;

    /// <summary>Gets or sets the fewest lost leads training needs.</summary>
    /// <value>Defaults to 40; at least 1.</value>
    public int MinimumLost { get; set; } = 40;

    /// <summary>Gets or sets the feature that defines segments (team, product line, ...) with their own prior conversion odds.</summary>
    /// <value>Defaults to <see langword="null"/>: one prior for everybody. A segment with fewer than
    /// <see cref="MinimumSupport"/> leads uses the overall prior.</value>
    public LeadFeature? Segment { get; set; }

    /// <summary>Lists every invalid option, naming the option and its value.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate()
    {
        var problems = new List<ConfigurationProblem>();
        if (Features.Count == 0)
        {
            problems.Add(new ConfigurationProblem("Features", ConfigurationProblemCodes.Required, "must hold at least one feature (was empty)"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Features.Count; i++)
        {
            if (Features[i] is null)
            {
                problems.Add(new ConfigurationProblem(Invariant($"Features[{i}]"), ConfigurationProblemCodes.Required, "is null"));
            }
            else if (!names.Add(Features[i].Name))
            {
                problems.Add(new ConfigurationProblem(Invariant($"Features[{i}]"), ConfigurationProblemCodes.DuplicateName, Invariant($"repeats the feature '{Features[i].Name}' of an earlier entry")));
            }
        }

        if (!double.IsFinite(Smoothing) || Smoothing <= 0)
        {
            problems.Add(new ConfigurationProblem("Smoothing", ConfigurationProblemCodes.OutOfRange, Invariant($"must be a positive finite number (was {Smoothing})")));
        }

        if (MinimumSupport < 1)
        {
            problems.Add(new ConfigurationProblem("MinimumSupport", ConfigurationProblemCodes.OutOfRange, Invariant($"must be at least 1 (was {MinimumSupport})")));
        }

        if (MinimumWon < 1)
        {
            problems.Add(new ConfigurationProblem("MinimumWon", ConfigurationProblemCodes.OutOfRange, Invariant($"must be at least 1 (was {MinimumWon})")));
        }

        if (MinimumLost < 1)
        {
            problems.Add(new ConfigurationProblem("MinimumLost", ConfigurationProblemCodes.OutOfRange, Invariant($"must be at least 1 (was {MinimumLost})")));
        }

        return problems;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
