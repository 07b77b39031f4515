namespace LeadKit.Learning.Backtesting;

/// <summary>A suggested qualification threshold and what it would have done on the history.</summary>
/// <param name="Threshold">The suggested threshold (qualify when the score is at or above it).</param>
/// <param name="Matrix">The confusion matrix at the threshold.</param>
/// <param name="LeadsPerWeek">The qualified leads per week of history: <c>(TP + FP) / weeks</c>, where weeks spans the decision times (at least 1).</param>
public readonly record struct ThresholdSuggestion(double Threshold, ConfusionMatrix Matrix, double LeadsPerWeek);
