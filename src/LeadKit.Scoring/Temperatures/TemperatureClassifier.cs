using LeadKit.Abstractions.Configuration;
using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;


namespace LeadKit.Scoring.Temperatures;

/// <summary>
/// Classifies leads as cold, warm or hot from their buying intent and, optionally, their engagement score.
/// Immutable and thread-safe (the options are copied when it is created).
/// </summary>
/// <remarks>
/// <para>Intent: <b>hot</b> when the timeframe is immediate, or "within N days" with <c>N &lt;= HotWithinDays</c>, or an
/// immediate-intent signal (e.g. a demo request) happened within <c>ImmediateIntentMaxAge</c> before <c>asOf</c>;
/// <b>warm</b> when "within N days" with <c>N &lt;= WarmWithinDays</c>; otherwise <b>cold</b>.</para>
/// <para>Score (optional): hot when <c>engagement &gt;= HotEngagementScore</c>, at least warm when
/// <c>engagement &gt;= WarmEngagementScore</c>. The result is the hotter of the two.</para>
/// <para>Hysteresis: given the previous temperature, a score-based temperature is kept until engagement falls below
/// <c>threshold - Hysteresis</c>.</para>
/// </remarks>
public sealed class TemperatureClassifier : ITemperatureClassifier, IThresholdExplainer
{
    private readonly int _hotDays;
    private readonly int _warmDays;
    // Registered when the classifier is built, so a signal's kind is found by ordinal.
    private readonly VocabularyIndex<EngagementSignalKind> _intent;
    private readonly long _intentMaxAgeTicks;
    private readonly double? _warmScore;
    private readonly double? _hotScore;
    private readonly double _hysteresis;

    /// <summary>Creates a classifier with the default options.</summary>
    public TemperatureClassifier()
        : this(new TemperatureOptions())
    {
    }

    /// <summary>Creates a classifier.</summary>
    /// <param name="options">The options; validated.</param>
    /// <exception cref="ConfigurationException">The options are invalid; every problem names the option.</exception>
    public TemperatureClassifier(TemperatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfigurationException.ThrowIfAny(options.Validate());

        _hotDays = options.HotWithinDays;
        _warmDays = options.WarmWithinDays;
        _intent = new(options.ImmediateIntentSignals);
        _intentMaxAgeTicks = options.ImmediateIntentMaxAge.Ticks;
        _warmScore = options.WarmEngagementScore;
        _hotScore = options.HotEngagementScore;
        _hysteresis = options.Hysteresis;
    }

    /// <inheritdoc />
    public Temperature Classify(Lead lead, LeadScore score, DateTimeOffset asOf)
        => Max(ClassifyIntent(lead, asOf), ClassifyScore(score.Engagement, 0));

    /// <summary>Classifies a lead with hysteresis relative to its previous temperature.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="score">The lead's score.</param>
    /// <param name="asOf">The moment.</param>
    /// <param name="previous">The temperature the lead had at its previous classification.</param>
    /// <returns>The temperature.</returns>
    public Temperature Classify(Lead lead, LeadScore score, DateTimeOffset asOf, Temperature previous)
    {
        var current = Classify(lead, score, asOf);
        if (current >= previous || _hysteresis == 0)
        {
            return current;
        }

        // Falling: keep the previous score-based level while engagement stays within the band below its threshold.
        var damped = ClassifyScore(score.Engagement, _hysteresis);
        return Max(current, damped < previous ? damped : previous);
    }

    /// <summary>Classifies by intent alone (timeframe and immediate-intent signals).</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment.</param>
    /// <returns>The temperature.</returns>
    public Temperature ClassifyIntent(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var timeframe = lead.Timeframe;
        if (timeframe.Kind == PurchaseTimeframeKind.Immediate
            || (timeframe.Kind == PurchaseTimeframeKind.WithinDays && timeframe.Days <= _hotDays)
            || HasRecentIntent(lead, asOf))
        {
            return Temperature.Hot;
        }

        return timeframe.Kind == PurchaseTimeframeKind.WithinDays && timeframe.Days <= _warmDays ? Temperature.Warm : Temperature.Cold;
    }

    /// <inheritdoc />
    public void AddDistances(Lead lead, LeadScore score, DateTimeOffset asOf, ICollection<ThresholdDistance> distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var current = Classify(lead, score, asOf);
        if (current < Temperature.Warm && _warmScore is { } warm)
        {
            distances.Add(new ThresholdDistance("warm", ScoreDimension.Engagement, warm - score.Engagement));
        }

        if (current < Temperature.Hot && _hotScore is { } hot)
        {
            distances.Add(new ThresholdDistance("hot", ScoreDimension.Engagement, hot - score.Engagement));
        }
    }

    private static Temperature Max(Temperature a, Temperature b) => a > b ? a : b;

    private Temperature ClassifyScore(double engagement, double band)
    {
        if (_hotScore is { } hot && engagement >= hot - band)
        {
            return Temperature.Hot;
        }

        return _warmScore is { } warm && engagement >= warm - band ? Temperature.Warm : Temperature.Cold;
    }

    private bool HasRecentIntent(Lead lead, DateTimeOffset asOf)
    {
        var asOfTicks = asOf.UtcTicks;
        foreach (ref readonly var signal in lead.Signals.AsSpan())
        {
            var age = asOfTicks - signal.OccurredAtUtcTicks;
            if (age >= 0 && age <= _intentMaxAgeTicks && _intent.IndexOf(signal.Kind) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
