namespace LeadKit.Learning.NaiveBayes;

/// <summary>How one feature value of a lead moved its predicted probability of being won.</summary>
public readonly record struct NaiveBayesFactor
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="feature">The value of <see cref="Feature"/>.</param>
    /// <param name="value">The value of <see cref="Value"/>.</param>
    /// <param name="won">The value of <see cref="Won"/>.</param>
    /// <param name="lost">The value of <see cref="Lost"/>.</param>
    /// <param name="logLikelihoodRatio">The value of <see cref="LogLikelihoodRatio"/>.</param>
    /// <param name="counted">The value of <see cref="Counted"/>.</param>
    internal NaiveBayesFactor(string feature, string value, int won, int lost, double logLikelihoodRatio, bool counted)
    {
        Feature = feature;
        Value = value;
        Won = won;
        Lost = lost;
        LogLikelihoodRatio = logLikelihoodRatio;
        Counted = counted;
    }

    /// <summary>Gets the feature's name.</summary>
    public string Feature { get; init; }

    /// <summary>Gets the lead's value of the feature.</summary>
    public string Value { get; init; }

    /// <summary>Gets the won leads with this value in the model.</summary>
    public int Won { get; init; }

    /// <summary>Gets the lost leads with this value in the model.</summary>
    public int Lost { get; init; }

    /// <summary>Gets <c>ln(P(value | won) / P(value | lost))</c>, the amount added to the log-odds: positive pushes the probability up, negative down, 0 when the value is below the minimum support (or unseen) and so ignored.</summary>
    public double LogLikelihoodRatio { get; init; }

    /// <summary>Gets whether the value counted: <see langword="false"/> when it had too little support.</summary>
    public bool Counted { get; init; }

    /// <summary>Gets a value indicating whether this value pushed the probability up.</summary>
    public bool PushesUp => LogLikelihoodRatio > 0;

    /// <summary>Gets a value indicating whether this value pushed the probability down.</summary>
    public bool PushesDown => LogLikelihoodRatio < 0;
}
