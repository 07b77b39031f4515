namespace LeadKit.Learning.Backtesting;

/// <summary>One band of a calibration table: leads whose score fell in [<see cref="MinScore"/>, <see cref="MaxScore"/>] and how often they converted.</summary>
/// <param name="MinScore">The lowest score in the band.</param>
/// <param name="MaxScore">The highest score in the band.</param>
/// <param name="MeanScore">The mean score in the band.</param>
/// <param name="Conversion">Converted leads out of the leads in the band, with the Wilson 95% interval.</param>
public readonly record struct CalibrationBand(double MinScore, double MaxScore, double MeanScore, ProportionInterval Conversion);
