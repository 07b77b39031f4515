namespace LeadKit.Learning.NaiveBayes;

/// <summary>How one feature value of a lead moved its predicted probability of being won.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Value">The lead's value of the feature.</param>
/// <param name="Won">Won leads with this value in the model.</param>
/// <param name="Lost">Lost leads with this value in the model.</param>
/// <param name="LogLikelihoodRatio">
/// <c>ln(P(value | won) / P(value | lost))</c>, the amount added to the log-odds: positive pushes the probability up,
/// negative down, 0 when the value is below the minimum support (or unseen) and so ignored.
/// </param>
/// <param name="Counted"><see langword="false"/> when the value had too little support to count.</param>
public readonly record struct NaiveBayesFactor(string Feature, string Value, int Won, int Lost, double LogLikelihoodRatio, bool Counted)
{
    /// <summary>Gets a value indicating whether this value pushed the probability up.</summary>
    public bool PushesUp => LogLikelihoodRatio > 0;

    /// <summary>Gets a value indicating whether this value pushed the probability down.</summary>
    public bool PushesDown => LogLikelihoodRatio < 0;
}
