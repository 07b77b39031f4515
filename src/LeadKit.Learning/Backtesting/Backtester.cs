using System.Collections.Immutable;
using System.Globalization;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Learning.Backtesting;

/// <summary>
/// Measures a scoring model against a history of leads whose outcome is known, before the model is published:
/// AUC, precision / recall / lift at every threshold, confusion matrices, calibration and suggested thresholds;
/// and compares two models on the same history.
/// </summary>
/// <remarks>
/// <para>Each lead is scored through <see cref="ILeadScorer.Score"/> as of its <see cref="HistoricalLead.DecidedAt"/>,
/// on <see cref="HistoricalLead.LeadAsOfDecision"/>: signals after the decision are removed before the scorer sees the lead,
/// so a scorer that ignores its <c>asOf</c> argument still cannot leak the future into the result.</para>
/// <para>Immutable and thread-safe when the scorers, classifiers and policies given to it are.</para>
/// </remarks>
public sealed class Backtester
{
    private readonly BacktestOptions _options;

    /// <summary>Creates a backtester.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults. Copied, so later changes have no effect.</param>
    /// <exception cref="ConfigurationException">An option is invalid; <see cref="ConfigurationException.Problems"/> lists every invalid option by name.</exception>
    public Backtester(BacktestOptions? options = null)
    {
        var copy = options?.Clone() ?? new BacktestOptions();
        var problems = copy.Validate();
        ConfigurationException.ThrowIfAny(problems);

        _options = copy;
    }

    /// <summary>Backtests a scorer.</summary>
    /// <param name="history">The leads with their decision times and outcomes.</param>
    /// <param name="scorer">The scorer to test.</param>
    /// <param name="temperature">An optional classifier, for conversion per temperature band.</param>
    /// <param name="qualification">An optional policy, for the confusion matrices of its MQL and SQL decisions.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidHistoryException">
    /// An entry of <paramref name="history"/> is null (each null entry is named by its index, <c>history[i]</c>), the
    /// history has fewer converted or non-converted leads than the options require, or the scorer returned a NaN or
    /// infinite score; the message names every problem.
    /// </exception>
    public BacktestReport Run(
        IReadOnlyList<HistoricalLead> history,
        ILeadScorer scorer,
        ITemperatureClassifier? temperature = null,
        IQualificationPolicy? qualification = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var labels = Labels(history);
        var n = history.Count;
        var scores = new double[n];
        var temperatures = temperature is null ? null : new Temperature[n];
        var mql = qualification is null ? null : new bool[n];
        var sql = qualification is null ? null : new bool[n];
        var problems = new List<string>();
        var first = history[0].DecidedAt;
        var last = first;
        for (var i = 0; i < n; i++)
        {
            var item = history[i];
            var lead = item.LeadAsOfDecision();
            var score = scorer.Score(lead, item.DecidedAt);
            if (!double.IsFinite(score.Total))
            {
                AddLimited(problems, Invariant($"The scorer returned a total of {score.Total} for history[{i}]; scores must be finite numbers."));
                continue;
            }

            scores[i] = score.Total;
            if (temperatures is not null)
            {
                temperatures[i] = temperature!.Classify(lead, score, item.DecidedAt);
            }

            if (mql is not null)
            {
                var result = qualification!.Qualify(lead, score, item.DecidedAt);
                mql[i] = result.IsMarketingQualified;
                sql![i] = result.IsSalesQualified;
            }

            first = item.DecidedAt < first ? item.DecidedAt : first;
            last = item.DecidedAt > last ? item.DecidedAt : last;
        }

        if (problems.Count > 0)
        {
            throw new InvalidHistoryException(problems, nameof(scorer));
        }

        var positives = CountTrue(labels);
        var weeks = Math.Max(1.0, (last - first).TotalDays / 7.0);

        // Ascending sort once: AUC, calibration and (read backwards) the threshold curve all come from it.
        var sortedScores = (double[])scores.Clone();
        var sortedLabels = (bool[])labels.Clone();
        Array.Sort(sortedScores, sortedLabels);
        var curve = BuildCurve(sortedScores, sortedLabels, positives);
        var best = BestF1(curve);

        return new BacktestReport
        {
            Count = n,
            Converted = positives,
            Auc = RocAuc.FromSorted(sortedScores, sortedLabels, positives),
            Curve = curve,
            AtMqlThreshold = _options.MqlThreshold is { } m ? AtThreshold(scores, labels, m) : null,
            AtSqlThreshold = _options.SqlThreshold is { } s ? AtThreshold(scores, labels, s) : null,
            PolicyMarketingQualified = mql is null ? null : Matrix(mql, labels),
            PolicySalesQualified = sql is null ? null : Matrix(sql, labels),
            Temperatures = temperatures is null ? [] : TemperatureBands(temperatures, labels),
            Hot = temperatures is null ? null : TemperatureMatrix(temperatures, labels, Temperature.Hot),
            WarmOrHot = temperatures is null ? null : TemperatureMatrix(temperatures, labels, Temperature.Warm),
            Calibration = Calibrate(sortedScores, sortedLabels, _options.CalibrationBandCount),
            BestF1 = new ThresholdSuggestion(best.Threshold, best.Matrix, best.Matrix.PredictedPositive / weeks),
            ForWeeklyCapacity = _options.WeeklyCapacity is { } capacity ? ForCapacity(curve, sortedScores, capacity, weeks) : null,
            Weeks = weeks,
        };
    }

    /// <summary>
    /// Compares two scorers on the same history: which one ranks converted leads higher, with a percentile-bootstrap
    /// confidence interval on the AUC difference.
    /// </summary>
    /// <param name="history">The leads with their decision times and outcomes.</param>
    /// <param name="first">The first scorer.</param>
    /// <param name="second">The second scorer.</param>
    /// <returns>The comparison.</returns>
    /// <remarks>
    /// Each of <see cref="BacktestOptions.BootstrapIterations"/> resamples draws, with replacement, as many converted
    /// leads as there are converted leads and as many others as there are others (a stratified bootstrap, so every
    /// resample has both classes), then computes both AUCs on the same resample. The interval is the pair of
    /// (1 ± level)/2 quantiles (linear interpolation) of the differences. The random source is
    /// <c>new Random(BootstrapSeed)</c>, so the result is the same for the same seed and history.
    /// </remarks>
    /// <exception cref="InvalidHistoryException">As for <see cref="Run"/>.</exception>
    public ModelComparison Compare(IReadOnlyList<HistoricalLead> history, ILeadScorer first, ILeadScorer second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var labels = Labels(history);
        var a = ScoreAll(history, first, nameof(first));
        var b = ScoreAll(history, second, nameof(second));
        var aucA = RocAuc.Compute(a, labels);
        var aucB = RocAuc.Compute(b, labels);

        var positivesA = Split(a, labels, true);
        var negativesA = Split(a, labels, false);
        var positivesB = Split(b, labels, true);
        var negativesB = Split(b, labels, false);
        var samplerA = new ResampledAuc(positivesA, negativesA);
        var samplerB = new ResampledAuc(positivesB, negativesB);
        var iterations = _options.BootstrapIterations;
        var differences = new double[iterations];
        var random = new Random(_options.BootstrapSeed);
        var positiveCounts = new int[positivesA.Length];
        var negativeCounts = new int[negativesA.Length];
        for (var r = 0; r < iterations; r++)
        {
            Array.Clear(positiveCounts);
            Array.Clear(negativeCounts);
            for (var i = 0; i < positiveCounts.Length; i++)
            {
                positiveCounts[random.Next(positiveCounts.Length)]++;
            }

            for (var i = 0; i < negativeCounts.Length; i++)
            {
                negativeCounts[random.Next(negativeCounts.Length)]++;
            }

            differences[r] = samplerA.Auc(positiveCounts, negativeCounts) - samplerB.Auc(positiveCounts, negativeCounts);
        }

        Array.Sort(differences);
        var alpha = (1 - _options.ConfidenceLevel) / 2;
        return new ModelComparison(
            aucA,
            aucB,
            aucA - aucB,
            Quantile(differences, alpha),
            Quantile(differences, 1 - alpha),
            _options.ConfidenceLevel,
            iterations,
            _options.BootstrapSeed);
    }

    private static double[] ScoreAll(IReadOnlyList<HistoricalLead> history, ILeadScorer scorer, string name)
    {
        var scores = new double[history.Count];
        var problems = new List<string>();
        for (var i = 0; i < scores.Length; i++)
        {
            var item = history[i];
            var total = scorer.Score(item.LeadAsOfDecision(), item.DecidedAt).Total;
            if (!double.IsFinite(total))
            {
                AddLimited(problems, Invariant($"The {name} scorer returned a total of {total} for history[{i}]; scores must be finite numbers."));
            }

            scores[i] = total;
        }

        return problems.Count > 0 ? throw new InvalidHistoryException(problems, name) : scores;
    }

    private bool[] Labels(IReadOnlyList<HistoricalLead> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var problems = new List<string>();
        if (NullEntries.Add(history, nameof(history), problems) > 0)
        {
            // As for the learners: the null entries are the problem to fix; counts over a history with holes would mislead.
            throw new InvalidHistoryException(problems, nameof(history));
        }

        var labels = new bool[history.Count];
        var positives = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = history[i].Converted;
            positives += labels[i] ? 1 : 0;
        }

        var negatives = labels.Length - positives;
        if (positives < _options.MinimumConverted)
        {
            problems.Add(positives == 0
                ? Invariant($"The history has no converted lead (of {labels.Length}); a backtest needs converted and non-converted leads.")
                : Invariant($"The history has {positives} converted leads, fewer than MinimumConverted ({_options.MinimumConverted})."));
        }

        if (negatives < _options.MinimumNotConverted)
        {
            problems.Add(negatives == 0
                ? Invariant($"The history has no non-converted lead (of {labels.Length}); a backtest needs converted and non-converted leads.")
                : Invariant($"The history has {negatives} non-converted leads, fewer than MinimumNotConverted ({_options.MinimumNotConverted})."));
        }

        return problems.Count > 0 ? throw new InvalidHistoryException(problems, nameof(history)) : labels;
    }

    private static ImmutableArray<ThresholdPoint> BuildCurve(double[] sortedScores, bool[] sortedLabels, int positives)
    {
        var n = sortedScores.Length;
        var negatives = n - positives;
        var points = ImmutableArray.CreateBuilder<ThresholdPoint>();
        int tp = 0, fp = 0;
        var i = n - 1;
        while (i >= 0)
        {
            var threshold = sortedScores[i];
            while (i >= 0 && sortedScores[i] == threshold)
            {
                if (sortedLabels[i])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                i--;
            }

            points.Add(new ThresholdPoint(threshold, new ConfusionMatrix(tp, fp, positives - tp, negatives - fp)));
        }

        return points.DrainToImmutable();
    }

    private static ThresholdPoint BestF1(ImmutableArray<ThresholdPoint> curve)
    {
        var best = curve[0];
        foreach (var point in curve)
        {
            if (point.Matrix.F1 > best.Matrix.F1)
            {
                best = point;
            }
        }

        return best;
    }

    private static ThresholdSuggestion ForCapacity(ImmutableArray<ThresholdPoint> curve, double[] sortedScores, int capacity, double weeks)
    {
        var n = sortedScores.Length;
        var k = (int)Math.Clamp(Math.Round(capacity * weeks, MidpointRounding.AwayFromZero), 1, n);
        var threshold = sortedScores[n - k];
        foreach (var point in curve)
        {
            if (point.Threshold == threshold)
            {
                return new ThresholdSuggestion(threshold, point.Matrix, point.Matrix.PredictedPositive / weeks);
            }
        }

        throw new InvalidOperationException("The capacity threshold is not on the curve; this is a bug.");
    }

    private static ConfusionMatrix AtThreshold(double[] scores, bool[] labels, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var predicted = scores[i] >= threshold;
            if (labels[i])
            {
                if (predicted)
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (predicted)
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }

        return new ConfusionMatrix(tp, fp, fn, tn);
    }

    private static ConfusionMatrix Matrix(bool[] predicted, bool[] labels)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i])
            {
                if (predicted[i])
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (predicted[i])
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }

        return new ConfusionMatrix(tp, fp, fn, tn);
    }

    private static ConfusionMatrix TemperatureMatrix(Temperature[] temperatures, bool[] labels, Temperature atLeast)
    {
        var predicted = new bool[labels.Length];
        for (var i = 0; i < predicted.Length; i++)
        {
            predicted[i] = temperatures[i] >= atLeast;
        }

        return Matrix(predicted, labels);
    }

    private static ImmutableArray<TemperatureBand> TemperatureBands(Temperature[] temperatures, bool[] labels)
    {
        Span<int> counts = stackalloc int[3];
        Span<int> converted = stackalloc int[3];
        for (var i = 0; i < labels.Length; i++)
        {
            var t = (int)temperatures[i];
            if (t is < 0 or > 2)
            {
                throw new InvalidOperationException(Invariant($"The temperature classifier returned the undefined temperature {t} for history[{i}]."));
            }

            counts[t]++;
            converted[t] += labels[i] ? 1 : 0;
        }

        return
        [
            new TemperatureBand(Temperature.Cold, ProportionInterval.Wilson(converted[0], counts[0])),
            new TemperatureBand(Temperature.Warm, ProportionInterval.Wilson(converted[1], counts[1])),
            new TemperatureBand(Temperature.Hot, ProportionInterval.Wilson(converted[2], counts[2])),
        ];
    }

    private static ImmutableArray<CalibrationBand> Calibrate(double[] sortedScores, bool[] sortedLabels, int bandCount)
    {
        var n = sortedScores.Length;
        var bands = ImmutableArray.CreateBuilder<CalibrationBand>(bandCount);
        var start = 0;
        for (var band = 1; band <= bandCount && start < n; band++)
        {
            // Close the band at its share of the leads, then extend it over ties so equal scores share a band.
            var end = band == bandCount ? n : Math.Max(start + 1, (int)((long)n * band / bandCount));
            while (end < n && sortedScores[end] == sortedScores[end - 1])
            {
                end++;
            }

            if (end <= start)
            {
                continue;
            }

            double sum = 0;
            var converted = 0;
            for (var i = start; i < end; i++)
            {
                sum += sortedScores[i];
                converted += sortedLabels[i] ? 1 : 0;
            }

            bands.Add(new CalibrationBand(sortedScores[start], sortedScores[end - 1], sum / (end - start), ProportionInterval.Wilson(converted, end - start)));
            start = end;
        }

        return bands.ToImmutable();
    }

    private static double[] Split(double[] scores, bool[] labels, bool label)
    {
        var result = new List<double>(scores.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            if (labels[i] == label)
            {
                result.Add(scores[i]);
            }
        }

        return [.. result];
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static int CountTrue(bool[] values)
    {
        var count = 0;
        foreach (var value in values)
        {
            count += value ? 1 : 0;
        }

        return count;
    }

    private static void AddLimited(List<string> problems, string problem)
    {
        // Name the first few offenders; thousands of identical sentences help nobody.
        const int Limit = 10;
        if (problems.Count < Limit)
        {
            problems.Add(problem);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
