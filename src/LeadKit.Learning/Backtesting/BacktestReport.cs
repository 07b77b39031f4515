using System.Collections.Immutable;

namespace LeadKit.Learning.Backtesting;

/// <summary>How a scorer would have done on a history of leads with known outcomes.</summary>
/// <remarks>Immutable. Every lead was scored as of its decision time, with later signals removed.</remarks>
public sealed record BacktestReport
{
    /// <summary>Gets the number of leads in the history.</summary>
    public required int Count { get; init; }

    /// <summary>Gets the number of leads that converted.</summary>
    public required int Converted { get; init; }

    /// <summary>Gets the base conversion rate <c>Converted / Count</c>.</summary>
    public double BaseRate => Count == 0 ? 0 : (double)Converted / Count;

    /// <summary>Gets the exact ROC AUC with mid-ranks for ties (see <see cref="RocAuc"/>).</summary>
    public required double Auc { get; init; }

    /// <summary>
    /// Gets the precision / recall / lift curve: one point per distinct score, highest threshold first, each
    /// qualifying the leads scoring at or above it. Recall never increases as the threshold rises.
    /// </summary>
    public required ImmutableArray<ThresholdPoint> Curve { get; init; }

    /// <summary>Gets the confusion matrix at <see cref="BacktestOptions.MqlThreshold"/>, when set.</summary>
    public ConfusionMatrix? AtMqlThreshold { get; init; }

    /// <summary>Gets the confusion matrix at <see cref="BacktestOptions.SqlThreshold"/>, when set.</summary>
    public ConfusionMatrix? AtSqlThreshold { get; init; }

    /// <summary>Gets the confusion matrix of the qualification policy's MQL-or-better decision (not disqualified), when a policy was given.</summary>
    public ConfusionMatrix? PolicyMarketingQualified { get; init; }

    /// <summary>Gets the confusion matrix of the qualification policy's SQL decision (not disqualified), when a policy was given.</summary>
    public ConfusionMatrix? PolicySalesQualified { get; init; }

    /// <summary>Gets the conversion per temperature (cold, warm, hot), when a classifier was given; empty otherwise.</summary>
    public ImmutableArray<TemperatureBand> Temperatures { get; init; } = [];

    /// <summary>Gets the confusion matrix of "hot" as the positive prediction, when a classifier was given.</summary>
    public ConfusionMatrix? Hot { get; init; }

    /// <summary>Gets the confusion matrix of "warm or hot" as the positive prediction, when a classifier was given.</summary>
    public ConfusionMatrix? WarmOrHot { get; init; }

    /// <summary>Gets the calibration table: equal-count score bands, lowest first, with observed conversion and Wilson 95% intervals.</summary>
    public required ImmutableArray<CalibrationBand> Calibration { get; init; }

    /// <summary>Gets the threshold with the best F1 score (the highest such threshold when several tie).</summary>
    public required ThresholdSuggestion BestF1 { get; init; }

    /// <summary>
    /// Gets the threshold that qualifies about <see cref="BacktestOptions.WeeklyCapacity"/> leads per week of history:
    /// the score of the k-th best lead, with <c>k = round(capacity × weeks)</c>; ties at that score are all qualified.
    /// </summary>
    public ThresholdSuggestion? ForWeeklyCapacity { get; init; }

    /// <summary>Gets the length of the history in weeks (from the first to the last decision, at least 1).</summary>
    public required double Weeks { get; init; }
}
