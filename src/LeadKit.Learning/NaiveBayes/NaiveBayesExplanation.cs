using System.Collections.Immutable;

namespace LeadKit.Learning.NaiveBayes;

/// <summary>Why the naive Bayes scorer gave a lead its probability: the prior and one factor per feature.</summary>
/// <remarks><c>Probability = 1 / (1 + e^−(PriorLogOdds + Σ factor.LogLikelihoodRatio))</c>, log-odds clamped to ±35.</remarks>
public sealed record NaiveBayesExplanation
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="probability">The value of <see cref="Probability"/>.</param>
    /// <param name="priorLogOdds">The value of <see cref="PriorLogOdds"/>.</param>
    /// <param name="segment">The value of <see cref="Segment"/>.</param>
    /// <param name="factors">The value of <see cref="Factors"/>.</param>
    internal NaiveBayesExplanation(double probability, double priorLogOdds, string? segment, ImmutableArray<NaiveBayesFactor> factors)
    {
        Probability = probability;
        PriorLogOdds = priorLogOdds;
        Segment = segment;
        Factors = factors;
    }

    /// <summary>Gets the predicted probability of being won, strictly between 0 and 1.</summary>
    public double Probability { get; init; }

    /// <summary>Gets the prior log-odds of winning (of the lead's segment, or overall).</summary>
    public double PriorLogOdds { get; init; }

    /// <summary>Gets the lead's segment value when segment priors are used and the segment has enough support; otherwise <see langword="null"/>.</summary>
    public string? Segment { get; init; }

    /// <summary>Gets one factor per feature, in the order of the features.</summary>
    public ImmutableArray<NaiveBayesFactor> Factors { get; init; }
}
