namespace LeadKit.Learning.Backtesting;

/// <summary>What happens when every lead scoring at least <see cref="Threshold"/> is qualified.</summary>
public readonly record struct ThresholdPoint
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="threshold">The value of <see cref="Threshold"/>.</param>
    /// <param name="matrix">The value of <see cref="Matrix"/>.</param>
    internal ThresholdPoint(double threshold, ConfusionMatrix matrix)
    {
        Threshold = threshold;
        Matrix = matrix;
    }

    /// <summary>Gets the score threshold (a lead qualifies when its score is at or above it).</summary>
    public double Threshold { get; init; }

    /// <summary>Gets the confusion matrix at that threshold; precision, recall, F1 and lift come from it.</summary>
    public ConfusionMatrix Matrix { get; init; }
}
