using System.Collections.Immutable;

namespace LeadKit.Learning;

/// <summary>The result of a k-fold cross-validation: the AUC of each held-out fold and their summary.</summary>
/// <param name="FoldAucs">The AUC on each held-out fold, in fold order.</param>
/// <param name="MeanAuc">The mean of <paramref name="FoldAucs"/>.</param>
/// <param name="StandardDeviation">The sample standard deviation of <paramref name="FoldAucs"/>.</param>
/// <param name="PooledAuc">The AUC of all out-of-fold scores pooled together (each lead scored by the model that did not see it).</param>
/// <param name="Seed">The seed that assigned leads to folds.</param>
public sealed record CrossValidationResult(ImmutableArray<double> FoldAucs, double MeanAuc, double StandardDeviation, double PooledAuc, int Seed)
{
    /// <summary>Gets the number of folds.</summary>
    public int Folds => FoldAucs.Length;
}
