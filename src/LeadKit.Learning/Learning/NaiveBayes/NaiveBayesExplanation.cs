using System.Collections.Immutable;

namespace LeadKit.Learning.NaiveBayes;

/// <summary>Why the naive Bayes scorer gave a lead its probability: the prior and one factor per feature.</summary>
/// <param name="Probability">The predicted probability of being won, strictly between 0 and 1.</param>
/// <param name="PriorLogOdds">The prior log-odds of winning (of the lead's segment, or overall).</param>
/// <param name="Segment">The lead's segment value when segment priors are used and the segment has enough support; otherwise <see langword="null"/>.</param>
/// <param name="Factors">One factor per feature, in the order of the features.</param>
/// <remarks><c>Probability = 1 / (1 + e^−(PriorLogOdds + Σ factor.LogLikelihoodRatio))</c>, log-odds clamped to ±35.</remarks>
public sealed record NaiveBayesExplanation(double Probability, double PriorLogOdds, string? Segment, ImmutableArray<NaiveBayesFactor> Factors);
