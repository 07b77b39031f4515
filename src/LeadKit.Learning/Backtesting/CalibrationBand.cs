namespace LeadKit.Learning.Backtesting;

/// <summary>One band of a calibration table: leads whose score fell in [<see cref="MinScore"/>, <see cref="MaxScore"/>] and how often they converted.</summary>
public readonly record struct CalibrationBand
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="minScore">The value of <see cref="MinScore"/>.</param>
    /// <param name="maxScore">The value of <see cref="MaxScore"/>.</param>
    /// <param name="meanScore">The value of <see cref="MeanScore"/>.</param>
    /// <param name="conversion">The value of <see cref="Conversion"/>.</param>
    internal CalibrationBand(double minScore, double maxScore, double meanScore, ProportionInterval conversion)
    {
        MinScore = minScore;
        MaxScore = maxScore;
        MeanScore = meanScore;
        Conversion = conversion;
    }

    /// <summary>Gets the lowest score in the band.</summary>
    public double MinScore { get; init; }

    /// <summary>Gets the highest score in the band.</summary>
    public double MaxScore { get; init; }

    /// <summary>Gets the mean score in the band.</summary>
    public double MeanScore { get; init; }

    /// <summary>Gets the converted leads out of the leads in the band, with the Wilson 95% interval.</summary>
    public ProportionInterval Conversion { get; init; }
}
