namespace LeadKit.Learning.Backtesting;

/// <summary>A suggested qualification threshold and what it would have done on the history.</summary>
public readonly record struct ThresholdSuggestion
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="threshold">The value of <see cref="Threshold"/>.</param>
    /// <param name="matrix">The value of <see cref="Matrix"/>.</param>
    /// <param name="leadsPerWeek">The value of <see cref="LeadsPerWeek"/>.</param>
    internal ThresholdSuggestion(double threshold, ConfusionMatrix matrix, double leadsPerWeek)
    {
        Threshold = threshold;
        Matrix = matrix;
        LeadsPerWeek = leadsPerWeek;
    }

    /// <summary>Gets the suggested threshold (qualify when the score is at or above it).</summary>
    public double Threshold { get; init; }

    /// <summary>Gets the confusion matrix at the threshold.</summary>
    public ConfusionMatrix Matrix { get; init; }

    /// <summary>Gets the qualified leads per week of history: <c>(TP + FP) / weeks</c>, where weeks spans the decision times (at least 1).</summary>
    public double LeadsPerWeek { get; init; }
}
