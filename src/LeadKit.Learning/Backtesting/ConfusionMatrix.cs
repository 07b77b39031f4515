namespace LeadKit.Learning.Backtesting;

/// <summary>
/// Counts of a yes/no prediction ("qualified") against what happened ("converted").
/// </summary>
/// <remarks>Rates with a zero denominator are 0, never NaN.</remarks>
public readonly record struct ConfusionMatrix
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="truePositives">The value of <see cref="TruePositives"/>.</param>
    /// <param name="falsePositives">The value of <see cref="FalsePositives"/>.</param>
    /// <param name="falseNegatives">The value of <see cref="FalseNegatives"/>.</param>
    /// <param name="trueNegatives">The value of <see cref="TrueNegatives"/>.</param>
    internal ConfusionMatrix(int truePositives, int falsePositives, int falseNegatives, int trueNegatives)
    {
        TruePositives = truePositives;
        FalsePositives = falsePositives;
        FalseNegatives = falseNegatives;
        TrueNegatives = trueNegatives;
    }

    /// <summary>Gets the leads predicted positive that converted (TP).</summary>
    public int TruePositives { get; init; }

    /// <summary>Gets the leads predicted positive that did not convert (FP).</summary>
    public int FalsePositives { get; init; }

    /// <summary>Gets the leads predicted negative that converted (FN).</summary>
    public int FalseNegatives { get; init; }

    /// <summary>Gets the leads predicted negative that did not convert (TN).</summary>
    public int TrueNegatives { get; init; }

    /// <summary>Gets the number of leads counted.</summary>
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>Gets the number of leads predicted positive: <c>TP + FP</c>.</summary>
    public int PredictedPositive => TruePositives + FalsePositives;

    /// <summary>Gets the number of leads that converted: <c>TP + FN</c>.</summary>
    public int ActualPositive => TruePositives + FalseNegatives;

    /// <summary>Gets the precision <c>TP / (TP + FP)</c>: the share of predicted leads that converted (0 when none predicted).</summary>
    public double Precision => Ratio(TruePositives, PredictedPositive);

    /// <summary>Gets the recall (sensitivity) <c>TP / (TP + FN)</c>: the share of converted leads that were predicted.</summary>
    public double Recall => Ratio(TruePositives, ActualPositive);

    /// <summary>Gets the specificity <c>TN / (TN + FP)</c>.</summary>
    public double Specificity => Ratio(TrueNegatives, TrueNegatives + FalsePositives);

    /// <summary>Gets the accuracy <c>(TP + TN) / total</c>.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>Gets the F1 score <c>2 TP / (2 TP + FP + FN)</c>, the harmonic mean of precision and recall.</summary>
    public double F1 => Ratio(2 * TruePositives, (2 * TruePositives) + FalsePositives + FalseNegatives);

    /// <summary>
    /// Gets the lift: precision divided by the base conversion rate <c>(TP + FN) / total</c>. A lift of 2 means the
    /// predicted leads convert twice as often as leads picked at random (0 when nothing converted).
    /// </summary>
    public double Lift
    {
        get
        {
            var baseRate = Ratio(ActualPositive, Total);
            return baseRate == 0 ? 0 : Precision / baseRate;
        }
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
