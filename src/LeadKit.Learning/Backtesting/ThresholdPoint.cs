namespace LeadKit.Learning.Backtesting;

/// <summary>What happens when every lead scoring at least <see cref="Threshold"/> is qualified.</summary>
/// <param name="Threshold">The score threshold (a lead qualifies when its score is at or above it).</param>
/// <param name="Matrix">The confusion matrix at that threshold; precision, recall, F1 and lift come from it.</param>
public readonly record struct ThresholdPoint(double Threshold, ConfusionMatrix Matrix);
