using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Temperatures;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// The qualification and temperature thresholds a JSON rule set carries in its optional <c>thresholds</c> object, so a
/// model and the thresholds tuned for it travel together. Every value is optional: a value the document leaves out
/// keeps the value of the options it is applied to. Immutable and thread-safe.
/// </summary>
public sealed record RuleSetThresholds
{
    /// <summary>Gets thresholds that set nothing.</summary>
    public static RuleSetThresholds None { get; } = new();

    /// <summary>Gets how MQL is decided (<c>thresholds.mql.rule</c>), or <see langword="null"/>.</summary>
    public MqlRule? MqlRule { get; init; }

    /// <summary>Gets the fit points an MQL needs (<c>thresholds.mql.fit</c>), or <see langword="null"/>.</summary>
    public double? MqlFit { get; init; }

    /// <summary>Gets the engagement points an MQL needs (<c>thresholds.mql.engagement</c>), or <see langword="null"/>.</summary>
    public double? MqlEngagement { get; init; }

    /// <summary>Gets the total points an MQL needs under <see cref="Qualification.MqlRule.Total"/> (<c>thresholds.mql.total</c>), or <see langword="null"/>.</summary>
    public double? MqlTotal { get; init; }

    /// <summary>Gets the longest stated purchase timeframe, in days, that makes a lead hot (<c>thresholds.temperature.hotWithinDays</c>), or <see langword="null"/>.</summary>
    public int? HotWithinDays { get; init; }

    /// <summary>Gets the longest stated purchase timeframe, in days, that makes a lead warm (<c>thresholds.temperature.warmWithinDays</c>), or <see langword="null"/>.</summary>
    public int? WarmWithinDays { get; init; }

    /// <summary>Gets the engagement points that make a lead at least warm (<c>thresholds.temperature.warmEngagement</c>), or <see langword="null"/>.</summary>
    public double? WarmEngagement { get; init; }

    /// <summary>Gets the engagement points that make a lead hot (<c>thresholds.temperature.hotEngagement</c>), or <see langword="null"/>.</summary>
    public double? HotEngagement { get; init; }

    /// <summary>Gets the points a score must move past a threshold before the temperature changes (<c>thresholds.temperature.hysteresis</c>), or <see langword="null"/>.</summary>
    public double? Hysteresis { get; init; }

    /// <summary>Sets on <paramref name="options"/> every MQL threshold these thresholds give; e.g. inside <c>ConfigureLeadKitQualification</c>.</summary>
    /// <param name="options">The options to change.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ConfigurationException">The options are invalid once the thresholds are applied; each problem names the option.</exception>
    public QualificationOptions ApplyTo(QualificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MqlRule = MqlRule ?? options.MqlRule;
        options.MqlFitThreshold = MqlFit ?? options.MqlFitThreshold;
        options.MqlEngagementThreshold = MqlEngagement ?? options.MqlEngagementThreshold;
        options.MqlTotalThreshold = MqlTotal ?? options.MqlTotalThreshold;
        ConfigurationException.ThrowIfAny(options.Validate());
        return options;
    }

    /// <summary>Sets on <paramref name="options"/> every temperature threshold these thresholds give; e.g. inside <c>ConfigureLeadKitTemperature</c>.</summary>
    /// <param name="options">The options to change.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ConfigurationException">
    /// The options are invalid once the thresholds are applied (for example <c>hotWithinDays</c> above the options'
    /// <c>WarmWithinDays</c>); each problem names the option.
    /// </exception>
    public TemperatureOptions ApplyTo(TemperatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.HotWithinDays = HotWithinDays ?? options.HotWithinDays;
        options.WarmWithinDays = WarmWithinDays ?? options.WarmWithinDays;
        options.WarmEngagementScore = WarmEngagement ?? options.WarmEngagementScore;
        options.HotEngagementScore = HotEngagement ?? options.HotEngagementScore;
        options.Hysteresis = Hysteresis ?? options.Hysteresis;
        ConfigurationException.ThrowIfAny(options.Validate());
        return options;
    }
}
