using System.Collections.Immutable;
using LeadKit.Learning.Backtesting;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.NaiveBayes;

/// <summary>Trains <see cref="NaiveBayesScorer"/>s from won / lost history; options are validated once, when the trainer is created.</summary>
/// <remarks>Immutable and thread-safe. Every lead is read as of its decision time, so later signals never leak into the counts.</remarks>
public sealed class NaiveBayesTrainer
{
    private readonly LeadFeature[] _features;
    private readonly LeadFeature? _segment;
    private readonly double _smoothing;
    private readonly int _minimumSupport;
    private readonly int _minimumWon;
    private readonly int _minimumLost;

    /// <summary>Creates a trainer.</summary>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <exception cref="ConfigurationException">An option is invalid; <see cref="ConfigurationException.Problems"/> lists every invalid option by name.</exception>
    public NaiveBayesTrainer(NaiveBayesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        ConfigurationException.ThrowIfAny(problems);

        _features = [.. options.Features];
        _segment = options.Segment;
        _smoothing = options.Smoothing;
        _minimumSupport = options.MinimumSupport;
        _minimumWon = options.MinimumWon;
        _minimumLost = options.MinimumLost;
    }

    /// <summary>Trains a scorer on a history.</summary>
    /// <param name="history">The leads with their decision times and outcomes.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="InvalidHistoryException">
    /// An entry of <paramref name="history"/> is null (each null entry is named by its index, <c>history[i]</c>),
    /// no won or no lost leads, fewer than the minimum of either, a text feature whose custom attribute holds another
    /// type (a number, say: named with the entry and the type); every problem is listed. A feature with the same value
    /// for every lead is not an error: it contributes 0 to every lead's log-odds.
    /// </exception>
    public NaiveBayesScorer Train(IReadOnlyList<HistoricalLead> history)
    {
        var problems = new List<string>();
        HistoryChecks.CountOutcomes(history, _minimumWon, _minimumLost, problems);
        if (problems.Count > 0)
        {
            throw new InvalidHistoryException(problems, nameof(history));
        }

        var counts = new Dictionary<string, (int Won, int Lost)>[_features.Length];
        for (var f = 0; f < counts.Length; f++)
        {
            counts[f] = new(StringComparer.OrdinalIgnoreCase);
        }

        var segments = _segment is null ? null : new Dictionary<string, (int Won, int Lost)>(StringComparer.OrdinalIgnoreCase);
        // Values that differ only in case are one value, as in every LeadKit comparison of text.
        var wrongTypes = new WrongTypeProblems[counts.Length];
        for (var f = 0; f < counts.Length; f++)
        {
            wrongTypes[f] = new WrongTypeProblems(_features[f], nameof(history));
        }

        int won = 0, lost = 0;
        for (var i = 0; i < history.Count; i++)
        {
            var item = history[i];
            var lead = item.LeadAsOfDecision();
            for (var f = 0; f < counts.Length; f++)
            {
                if (_features[f].TryRead(lead, item.DecidedAt, out var value))
                {
                    Add(counts[f], value, item.Converted);
                }
                else
                {
                    wrongTypes[f].Add(lead, i);
                }
            }

            if (segments is not null)
            {
                Add(segments, _segment!.ValueOf(lead, item.DecidedAt), item.Converted);
            }

            won += item.Converted ? 1 : 0;
            lost += item.Converted ? 0 : 1;
        }

        foreach (var wrong in wrongTypes)
        {
            wrong.CopyTo(problems);
        }

        if (problems.Count > 0)
        {
            // A feature that cannot read its field is the problem to fix first: its counts (and "constant" verdict) would be meaningless.
            throw new InvalidHistoryException(problems, nameof(history));
        }

        // A feature with one value in this history is neutral, not an error: with one distinct value its factor is
        // ln(((W + α) / (W + α)) / ((L + α) / (L + α))) = 0, and any other value has no support. A fold of
        // cross-validation, or a young history, often holds one value of a feature that varies later.
        var tables = new ValueCounts[counts.Length];
        for (var f = 0; f < counts.Length; f++)
        {
            tables[f] = ValueCounts.From(counts[f]);
        }

        var state = new NaiveBayesState(won, lost, tables, segments is null ? null : ValueCounts.From(segments));
        return new NaiveBayesScorer(_features, _segment, _smoothing, _minimumSupport, state);
    }

    /// <summary>Cross-validates this trainer with stratified k folds (see <see cref="CrossValidation"/>).</summary>
    /// <param name="history">The leads with their decision times and outcomes.</param>
    /// <param name="folds">The number of folds; defaults to 5.</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <returns>The per-fold and pooled AUCs.</returns>
    /// <exception cref="InvalidHistoryException">As for <see cref="CrossValidation.Run"/> and <see cref="Train"/>.</exception>
    public CrossValidationResult CrossValidate(IReadOnlyList<HistoricalLead> history, int folds = 5, int seed = 20260601)
        => CrossValidation.Run(history, folds, seed, Train);

    private static void Add(Dictionary<string, (int Won, int Lost)> counts, string value, bool isWon)
    {
        var (w, l) = counts.GetValueOrDefault(value);
        counts[value] = isWon ? (w + 1, l) : (w, l + 1);
    }
}
