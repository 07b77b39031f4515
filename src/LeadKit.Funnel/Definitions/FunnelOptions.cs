namespace LeadKit.Funnel.Definitions;

/// <summary>Options of the default funnel (<see cref="DefaultFunnel"/>, <c>AddLeadKitFunnel</c>).</summary>
/// <remarks>Validated by <see cref="DefaultFunnel"/> and, in DI, on start; errors name the option and the value.</remarks>
public sealed class FunnelOptions
{
    /// <summary>Gets or sets how long sales may take to accept (or reject) an MQL before the SLA is breached.</summary>
    /// <value>Defaults to 48 hours. <see langword="null"/> disables the SLA; otherwise it must be positive.</value>
    public TimeSpan? MqlAcceptanceSla { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Gets or sets how long a sales-qualified lead may wait to become an opportunity before the SLA is breached.</summary>
    /// <value>Defaults to <see langword="null"/> (no SLA); otherwise it must be positive.</value>
    public TimeSpan? SqlConversionSla { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the lead -&gt; MQL and SAL -&gt; SQL transitions are guarded by the
    /// qualification policy when a scorer and a policy are available (in DI: registered).
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool UseQualificationGuards { get; set; } = true;

    /// <summary>Returns every problem with the options.</summary>
    /// <returns>The problems, each naming the option and its value; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MqlAcceptanceSla is { } mql && mql <= TimeSpan.Zero)
        {
            problems.Add($"FunnelOptions.MqlAcceptanceSla must be positive or null (was {mql}).");
        }

        if (SqlConversionSla is { } sql && sql <= TimeSpan.Zero)
        {
            problems.Add($"FunnelOptions.SqlConversionSla must be positive or null (was {sql}).");
        }

        return problems;
    }
}
