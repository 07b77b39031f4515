using System.Collections.Immutable;
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

    /// <summary>Lists every invalid option, naming the option and the value.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (HotWithinDays < 0)
        {
            problems.Add(FormattableString.Invariant($"{nameof(HotWithinDays)} must be 0 or more (was {HotWithinDays})."));
        }

        if (WarmWithinDays < HotWithinDays)
        {
            problems.Add(FormattableString.Invariant($"{nameof(WarmWithinDays)} must be at least {nameof(HotWithinDays)} ({HotWithinDays}) (was {WarmWithinDays})."));
        }

        if (ImmediateIntentSignals is null)
        {
            problems.Add($"{nameof(ImmediateIntentSignals)} must not be null.");
        }
        else if (ImmediateIntentSignals.Any(k => k.IsDefault))
        {
            problems.Add($"{nameof(ImmediateIntentSignals)} must not contain an unset signal kind.");
        }

        if (ImmediateIntentMaxAge <= TimeSpan.Zero)
        {
            problems.Add(FormattableString.Invariant($"{nameof(ImmediateIntentMaxAge)} must be positive (was {ImmediateIntentMaxAge})."));
        }

        if (WarmEngagementScore is { } warm && !double.IsFinite(warm))
        {
            problems.Add(FormattableString.Invariant($"{nameof(WarmEngagementScore)} must be a finite number (was {warm})."));
        }

        if (HotEngagementScore is { } hot && !double.IsFinite(hot))
        {
            problems.Add(FormattableString.Invariant($"{nameof(HotEngagementScore)} must be a finite number (was {hot})."));
        }

        if (WarmEngagementScore is { } w && HotEngagementScore is { } h && h < w)
        {
            problems.Add(FormattableString.Invariant($"{nameof(HotEngagementScore)} must be at least {nameof(WarmEngagementScore)} ({w}) (was {h})."));
        }

        if (!double.IsFinite(Hysteresis) || Hysteresis < 0)
        {
            problems.Add(FormattableString.Invariant($"{nameof(Hysteresis)} must be a finite number, 0 or more (was {Hysteresis})."));
        }

        return problems;
    }
}
