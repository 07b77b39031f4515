using System.Collections.Immutable;
using LeadKit.Learning.Backtesting;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.Scorecards;

/// <summary>
/// Learns a <see cref="LearnedScorecard"/> — integer points per condition — from won / lost history with an
/// L2-regularised logistic regression (Newton's method, deterministic), scaled to points like a credit scorecard.
/// </summary>
/// <remarks>Immutable and thread-safe. Every lead is read as of its decision time, so later signals never leak into the fit.</remarks>
public sealed class ScorecardTrainer
{
    private readonly LeadCondition[] _conditions;
    private readonly double _l2;
    private readonly int _maxIterations;
    private readonly double _tolerance;
    private readonly int _minimumWon;
    private readonly int _minimumLost;
    private readonly ScorecardScaling _scaling;

    /// <summary>Creates a trainer.</summary>
    /// <param name="conditions">The conditions to learn points for; at least one, names unique.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults. Copied, so later changes have no effect.</param>
    /// <exception cref="ConfigurationException">A condition or option is invalid; <see cref="ConfigurationException.Problems"/> lists every problem with its path (an option's name, or <c>conditions[i]</c>).</exception>
    public ScorecardTrainer(IEnumerable<LeadCondition> conditions, ScorecardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        options ??= new ScorecardOptions();
        var problems = new List<ConfigurationProblem>(options.Validate());
        _conditions = [.. conditions];
        if (_conditions.Length == 0)
        {
            problems.Add(new ConfigurationProblem("conditions", ConfigurationProblemCodes.Required, "must hold at least one condition (was empty)"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _conditions.Length; i++)
        {
            if (_conditions[i] is null)
            {
                problems.Add(new ConfigurationProblem(HistoryChecks.Invariant($"conditions[{i}]"), ConfigurationProblemCodes.Required, "is null"));
            }
            else if (!names.Add(_conditions[i].Name))
            {
                problems.Add(new ConfigurationProblem(HistoryChecks.Invariant($"conditions[{i}]"), ConfigurationProblemCodes.DuplicateName, HistoryChecks.Invariant($"repeats the name '{_conditions[i].Name}' of an earlier condition")));
            }
        }

        ConfigurationException.ThrowIfAny(problems);

        _l2 = options.L2;
        _maxIterations = options.MaxIterations;
        _tolerance = options.Tolerance;
        _minimumWon = options.MinimumWon;
        _minimumLost = options.MinimumLost;
        _scaling = options.Scaling;
    }

    /// <summary>Gets the conditions, in order.</summary>
    public ImmutableArray<LeadCondition> Conditions => [.. _conditions];

    /// <summary>Trains a scorecard on a history.</summary>
    /// <param name="history">The leads with their decision times and outcomes.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="InvalidHistoryException">
    /// An entry of <paramref name="history"/> is null (each null entry is named by its index, <c>history[i]</c>),
    /// no won or no lost leads, or fewer than the minimum of either; every problem is listed. A condition that holds for
    /// every lead or for none is left out of the fit and gets 0 points (its entry shows its support).
    /// </exception>
    /// <exception cref="InvalidOperationException">The fit did not converge or (with L2 = 0) the conditions are collinear.</exception>
    public LearnedScorecard Train(IReadOnlyList<HistoricalLead> history)
    {
        var problems = new List<string>();
        HistoryChecks.CountOutcomes(history, _minimumWon, _minimumLost, problems);
        if (problems.Count > 0)
        {
            throw new InvalidHistoryException(problems, nameof(history));
        }

        var n = history.Count;
        var labels = new bool[n];
        var rowStarts = new int[n + 1];
        var active = new List<int>(n * Math.Min(_conditions.Length, 8));
        var support = new int[_conditions.Length];
        var won = new int[_conditions.Length];
        for (var r = 0; r < n; r++)
        {
            var item = history[r];
            var lead = item.LeadAsOfDecision();
            labels[r] = item.Converted;
            for (var c = 0; c < _conditions.Length; c++)
            {
                if (_conditions[c].Predicate(lead, item.DecidedAt))
                {
                    active.Add(c);
                    support[c]++;
                    won[c] += item.Converted ? 1 : 0;
                }
            }

            rowStarts[r + 1] = active.Count;
        }

        // A condition that holds for no lead or for every lead cannot tell won from lost leads (its column would be 0
        // or the intercept's): it is left out of the fit and gets 0 points, as a naive Bayes feature with one value is
        // neutral. A cross-validation fold often lacks a rare value that the whole history has.
        var fitted = new int[_conditions.Length];
        var m = 0;
        for (var c = 0; c < _conditions.Length; c++)
        {
            fitted[c] = support[c] == 0 || support[c] == n ? -1 : m++;
        }

        var columns = new int[active.Count];
        var kept = 0;
        var starts = new int[n + 1];
        for (var r = 0; r < n; r++)
        {
            for (var k = rowStarts[r]; k < rowStarts[r + 1]; k++)
            {
                if (fitted[active[k]] is var column and >= 0)
                {
                    columns[kept++] = column;
                }
            }

            starts[r + 1] = kept;
        }

        var (beta, iterations) = LogisticRegression.Fit(starts, columns[..kept], labels, m, _l2, _maxIterations, _tolerance);
        var entries = ImmutableArray.CreateBuilder<ScorecardEntry>(_conditions.Length);
        for (var c = 0; c < _conditions.Length; c++)
        {
            var coefficient = fitted[c] < 0 ? 0 : beta[fitted[c] + 1];
            entries.Add(new ScorecardEntry(_conditions[c], coefficient, LearnedScorecard.RoundPoints(_scaling.Factor * coefficient), support[c], won[c]));
        }

        return new LearnedScorecard(entries.MoveToImmutable(), beta[0], _scaling, iterations, n);
    }

    /// <summary>Cross-validates this trainer with stratified k folds (see <see cref="CrossValidation"/>).</summary>
    /// <param name="history">The leads with their decision times and outcomes.</param>
    /// <param name="folds">The number of folds; defaults to 5.</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <returns>The per-fold and pooled AUCs.</returns>
    /// <exception cref="InvalidHistoryException">As for <see cref="CrossValidation.Run"/> and <see cref="Train"/>.</exception>
    public CrossValidationResult CrossValidate(IReadOnlyList<HistoricalLead> history, int folds = 5, int seed = 20260601)
        => CrossValidation.Run(history, folds, seed, Train);
}
