using System.Collections.Immutable;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;

namespace LeadKit.Scoring.Temperatures;

/// <summary>
/// Thresholds of the <see cref="TemperatureClassifier"/>. Sales practice: a lead that must buy now is hot, one with a
/// decision horizon of about two months is warm, one that showed interest without a timeframe is cold.
/// </summary>
public sealed class TemperatureOptions
{
    /// <summary>Gets or sets the longest "within N days" timeframe that still counts as hot.</summary>
    /// <value>Defaults to 14 days. Must be 0 or more and at most <see cref="WarmWithinDays"/>.</value>
    public int HotWithinDays { get; set; } = 14;

    /// <summary>Gets or sets the longest "within N days" timeframe that counts as warm (about two months).</summary>
    /// <value>Defaults to 75 days. Must be at least <see cref="HotWithinDays"/>.</value>
    public int WarmWithinDays { get; set; } = 75;

    /// <summary>Gets or sets the signal kinds that express immediate intent (a recent one makes the lead hot).</summary>
    /// <value>Defaults to <c>demo_requested</c> and <c>quote_requested</c>.</value>
    public IList<EngagementSignalKind> ImmediateIntentSignals { get; set; } = [EngagementSignalKind.DemoRequested, EngagementSignalKind.QuoteRequested];

    /// <summary>Gets or sets how recent an immediate-intent signal must be to count.</summary>
    /// <value>Defaults to 14 days. Must be positive.</value>
    public TimeSpan ImmediateIntentMaxAge { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Gets or sets the optional engagement score from which a lead is at least warm.</summary>
    /// <value>Defaults to <see langword="null"/> (temperature follows intent only).</value>
    public double? WarmEngagementScore { get; set; }

    /// <summary>Gets or sets the optional engagement score from which a lead is hot.</summary>
    /// <value>Defaults to <see langword="null"/>. Must be at least <see cref="WarmEngagementScore"/> when both are set.</value>
    public double? HotEngagementScore { get; set; }

    /// <summary>
    /// Gets or sets the hysteresis band, in engagement points: a lead classified with its previous temperature keeps a
    /// score-based temperature until its engagement falls more than this below the threshold.
    /// </summary>
    /// <value>Defaults to 0 (no hysteresis). Must be 0 or more.</value>
    public double Hysteresis { get; set; }

    /// <summary>Lists every invalid option; each problem's path names the option (<c>TemperatureOptions.HotWithinDays</c>).</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    /// <remarks>Messages name the rule, never the value (a value may come from configuration an operator typed).</remarks>
    public IReadOnlyList<ConfigurationProblem> Validate()
    {
        var problems = new List<ConfigurationProblem>();
        if (HotWithinDays < 0)
        {
            problems.Add(Problem(nameof(HotWithinDays), ConfigurationProblemCodes.OutOfRange, "must be 0 or more"));
        }

        if (WarmWithinDays < HotWithinDays)
        {
            problems.Add(Problem(nameof(WarmWithinDays), ConfigurationProblemCodes.Conflict, "must be at least " + nameof(HotWithinDays)));
        }

        if (ImmediateIntentSignals is null)
        {
            problems.Add(Problem(nameof(ImmediateIntentSignals), ConfigurationProblemCodes.Required, "must not be null"));
        }
        else if (ImmediateIntentSignals.Any(k => k.IsDefault))
        {
            problems.Add(Problem(nameof(ImmediateIntentSignals), ConfigurationProblemCodes.InvalidValue, "must not contain an unset signal kind"));
        }

        if (ImmediateIntentMaxAge <= TimeSpan.Zero)
        {
            problems.Add(Problem(nameof(ImmediateIntentMaxAge), ConfigurationProblemCodes.OutOfRange, "must be positive"));
        }

        if (WarmEngagementScore is { } warm && !double.IsFinite(warm))
        {
            problems.Add(Problem(nameof(WarmEngagementScore), ConfigurationProblemCodes.OutOfRange, "must be a finite number"));
        }

        if (HotEngagementScore is { } hot && !double.IsFinite(hot))
        {
            problems.Add(Problem(nameof(HotEngagementScore), ConfigurationProblemCodes.OutOfRange, "must be a finite number"));
        }

        if (WarmEngagementScore is { } w && HotEngagementScore is { } h && h < w)
        {
            problems.Add(Problem(nameof(HotEngagementScore), ConfigurationProblemCodes.Conflict, "must be at least " + nameof(WarmEngagementScore)));
        }

        if (!double.IsFinite(Hysteresis) || Hysteresis < 0)
        {
            problems.Add(Problem(nameof(Hysteresis), ConfigurationProblemCodes.OutOfRange, "must be a finite number, 0 or more"));
        }

        return problems;
    }

    private static ConfigurationProblem Problem(string option, string code, string message)
        => new(nameof(TemperatureOptions) + "." + option, code, message);
}
