using LeadKit.Abstractions.Scoring;
using LeadKit.Learning.Backtesting;

namespace LeadKit.Learning;

/// <summary>Deterministic, stratified k-fold cross-validation of any learner that turns a history into a scorer.</summary>
/// <remarks>
/// Won and lost leads are shuffled separately with <c>new Random(seed)</c> (Fisher–Yates) and dealt round-robin into
/// the folds, so every fold has about the same share of won leads and the split depends only on the seed and the order
/// of the history. Each fold is scored by a model trained on the other folds, as of each lead's decision time.
/// </remarks>
public static class CrossValidation
{
    /// <summary>Runs k-fold cross-validation.</summary>
    /// <param name="history">The leads with their decision times and outcomes; no entry may be null.</param>
    /// <param name="folds">The number of folds, 2 or more; each fold needs at least one won and one lost lead.</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <param name="train">Trains a scorer on a training set; must not return null.</param>
    /// <returns>The per-fold and pooled AUCs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> or <paramref name="train"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is less than 2.</exception>
    /// <exception cref="InvalidHistoryException">
    /// An entry of <paramref name="history"/> is null (each null entry is named by its index, <c>history[i]</c>), there are
    /// fewer won or lost leads than folds, or a scorer returned a non-finite score.
    /// </exception>
    /// <exception cref="InvalidOperationException"><paramref name="train"/> returned null; the fold is named.</exception>
    /// <remarks>An <see cref="InvalidHistoryException"/> thrown by <paramref name="train"/> is rethrown with every problem prefixed by its fold (<c>fold 2 of 5 (trained on 400 leads): …</c>), the original as the inner exception.</remarks>
    public static CrossValidationResult Run(IReadOnlyList<HistoricalLead> history, int folds, int seed, Func<IReadOnlyList<HistoricalLead>, ILeadScorer> train)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var problems = new List<string>();
        if (NullEntries.Add(history, nameof(history), problems) > 0)
        {
            throw new InvalidHistoryException(problems, nameof(history));
        }

        var won = new List<int>();
        var lost = new List<int>();
        for (var i = 0; i < history.Count; i++)
        {
            (history[i].Converted ? won : lost).Add(i);
        }

        if (won.Count < folds || lost.Count < folds)
        {
            throw new InvalidHistoryException(
                [HistoryChecks.Invariant($"{folds}-fold cross-validation needs at least {folds} won and {folds} lost leads (had {won.Count} won and {lost.Count} lost).")],
                nameof(history));
        }

        var random = new Random(seed);
        var fold = new int[history.Count];
        Deal(won, random, fold, folds);
        Deal(lost, random, fold, folds);

        var scores = new double[history.Count];
        var labels = new bool[history.Count];
        var aucs = new double[folds];
        for (var f = 0; f < folds; f++)
        {
            var training = new List<HistoricalLead>(history.Count);
            var heldOut = new List<int>();
            for (var i = 0; i < history.Count; i++)
            {
                if (fold[i] == f)
                {
                    heldOut.Add(i);
                }
                else
                {
                    training.Add(history[i]);
                }
            }

            ILeadScorer? scorer;
            try
            {
                scorer = train(training);
            }
            catch (InvalidHistoryException ex)
            {
                // A problem of one fold's training leads (a value absent from them, too few won) must say which fold.
                throw ex.In(HistoryChecks.Invariant($"fold {f} of {folds} (trained on {training.Count} leads)"));
            }

            if (scorer is null)
            {
                throw new InvalidOperationException(HistoryChecks.Invariant($"train returned null for fold {f} (trained on {training.Count} leads); it must return a scorer."));
            }

            var foldScores = new double[heldOut.Count];
            var foldLabels = new bool[heldOut.Count];
            for (var k = 0; k < heldOut.Count; k++)
            {
                var item = history[heldOut[k]];
                var total = scorer.Score(item.LeadAsOfDecision(), item.DecidedAt).Total;
                if (!double.IsFinite(total))
                {
                    throw new InvalidHistoryException(
                        [HistoryChecks.Invariant($"The scorer trained for fold {f} returned {total} for history[{heldOut[k]}]; scores must be finite.")],
                        nameof(train));
                }

                foldScores[k] = scores[heldOut[k]] = total;
                foldLabels[k] = labels[heldOut[k]] = item.Converted;
            }

            aucs[f] = RocAuc.Compute(foldScores, foldLabels);
        }

        double mean = 0;
        foreach (var auc in aucs)
        {
            mean += auc;
        }

        mean /= folds;
        double variance = 0;
        foreach (var auc in aucs)
        {
            variance += (auc - mean) * (auc - mean);
        }

        return new CrossValidationResult([.. aucs], mean, Math.Sqrt(variance / (folds - 1)), RocAuc.Compute(scores, labels), seed);
    }

    private static void Deal(List<int> indices, Random random, int[] fold, int folds)
    {
        for (var i = indices.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        for (var i = 0; i < indices.Count; i++)
        {
            fold[indices[i]] = i % folds;
        }
    }
}
