using System.Collections.Immutable;

namespace LeadKit.Learning;

/// <summary>The result of a k-fold cross-validation: the AUC of each held-out fold and their summary.</summary>
public sealed record CrossValidationResult
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="foldAucs">The value of <see cref="FoldAucs"/>.</param>
    /// <param name="meanAuc">The value of <see cref="MeanAuc"/>.</param>
    /// <param name="standardDeviation">The value of <see cref="StandardDeviation"/>.</param>
    /// <param name="pooledAuc">The value of <see cref="PooledAuc"/>.</param>
    /// <param name="seed">The value of <see cref="Seed"/>.</param>
    internal CrossValidationResult(ImmutableArray<double> foldAucs, double meanAuc, double standardDeviation, double pooledAuc, int seed)
    {
        FoldAucs = foldAucs;
        MeanAuc = meanAuc;
        StandardDeviation = standardDeviation;
        PooledAuc = pooledAuc;
        Seed = seed;
    }

    /// <summary>Gets the AUC on each held-out fold, in fold order.</summary>
    public ImmutableArray<double> FoldAucs { get; init; }

    /// <summary>Gets the mean of <see cref="FoldAucs"/>.</summary>
    public double MeanAuc { get; init; }

    /// <summary>Gets the sample standard deviation of <see cref="FoldAucs"/>.</summary>
    public double StandardDeviation { get; init; }

    /// <summary>Gets the AUC of all out-of-fold scores pooled together (each lead scored by the model that did not see it).</summary>
    public double PooledAuc { get; init; }

    /// <summary>Gets the seed that assigned leads to folds.</summary>
    public int Seed { get; init; }

    /// <summary>Gets the number of folds.</summary>
    public int Folds => FoldAucs.Length;
}
