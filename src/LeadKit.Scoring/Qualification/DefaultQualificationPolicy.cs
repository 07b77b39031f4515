using LeadKit.Abstractions.Configuration;
using System.Collections.Immutable;
using System.Globalization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Qualification;

/// <summary>
/// The default MQL/SQL policy. Immutable and thread-safe (options are copied when it is created).
/// </summary>
/// <remarks>
/// In order:
/// <list type="number">
/// <item>Do-not-contact → <see cref="DisqualificationReason.DoNotContact"/>.</item>
/// <item>The <c>BoughtFromCompetitorField</c> attribute is true → <see cref="DisqualificationReason.BoughtFromCompetitor"/> (nurture, work later).</item>
/// <item>BANT need is <see cref="BantStatus.NotMet"/> → <see cref="DisqualificationReason.NoBuyingIntent"/> (discard).</item>
/// <item>Immediate intent (immediate timeframe, or an intent signal within <c>ImmediateIntentMaxAge</c>) and every
/// <c>SqlRequiredBant</c> criterion confirmed → <see cref="QualificationLevel.Sql"/>.</item>
/// <item>Interest shown (at least one signal at or before <c>asOf</c>, or a stated timeframe) and
/// <c>fit &gt;= MqlFitThreshold</c> and <c>engagement &gt;= MqlEngagementThreshold</c> (or <c>total &gt;= MqlTotalThreshold</c>) →
/// <see cref="QualificationLevel.Mql"/>.</item>
/// <item>Otherwise <see cref="QualificationLevel.Unqualified"/>.</item>
/// </list>
/// <para>
/// <see cref="QualificationResult.Reasons"/> lists each finding on its own: the MQL thresholds ("fit 42 &gt;= 40 and
/// engagement 31 &gt;= 30"), the intent ("immediate timeframe", "recent intent signal" or "no immediate purchase
/// intent ...") and the BANT check ("BANT not confirmed: budget, authority"), so a refused funnel guard says what is
/// missing. No reason carries personal data.
/// </para>
/// </remarks>
public sealed class DefaultQualificationPolicy : IQualificationPolicy, IThresholdExplainer
{
    private const string NoIntent = "no immediate purchase intent (no immediate timeframe and no recent intent signal)";

    private readonly MqlRule _mqlRule;
    private readonly double _fit;
    private readonly double _engagement;
    private readonly double _total;
    private readonly BantCriteria _bant;
    // Registered when the classifier is built, so a signal's kind is found by ordinal.
    private readonly VocabularyIndex<EngagementSignalKind> _intent;
    private readonly long _intentMaxAgeTicks;
    private readonly CustomFieldKey _competitorField;

    /// <summary>Creates the policy with the default options.</summary>
    public DefaultQualificationPolicy()
        : this(new QualificationOptions())
    {
    }

    /// <summary>Creates the policy.</summary>
    /// <param name="options">The options; validated.</param>
    /// <exception cref="ConfigurationException">The options are invalid; every problem names the option.</exception>
    public DefaultQualificationPolicy(QualificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfigurationException.ThrowIfAny(options.Validate());

        _mqlRule = options.MqlRule;
        _fit = options.MqlFitThreshold;
        _engagement = options.MqlEngagementThreshold;
        _total = options.MqlTotalThreshold;
        _bant = options.SqlRequiredBant;
        _intent = new(options.ImmediateIntentSignals);
        _intentMaxAgeTicks = options.ImmediateIntentMaxAge.Ticks;
        _competitorField = options.BoughtFromCompetitorField;
    }

    /// <inheritdoc />
    public QualificationResult Qualify(Lead lead, LeadScore score, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Consent.DoNotContact)
        {
            return new(QualificationLevel.Unqualified, DisqualificationReason.DoNotContact, "the lead asked not to be contacted");
        }

        if (lead.TryGetCustomField(_competitorField, out var bought) && bought.Kind == CustomFieldValueKind.Boolean && bought.Boolean)
        {
            return new(QualificationLevel.Unqualified, DisqualificationReason.BoughtFromCompetitor, "bought from a competitor: nurture and work later");
        }

        if (lead.Bant.Need == BantStatus.NotMet)
        {
            return new(QualificationLevel.Unqualified, DisqualificationReason.NoBuyingIntent, "no need for the product: no buying intent");
        }

        var intent = lead.Timeframe.Kind == PurchaseTimeframeKind.Immediate ? "immediate timeframe" : HasRecentIntent(lead, asOf) ? "recent intent signal" : null;
        if (intent is not null)
        {
            var missing = MissingBant(lead.Bant);
            if (missing == BantCriteria.None)
            {
                return new(QualificationLevel.Sql, DisqualificationReason.None, [intent, $"BANT confirmed: {Describe(_bant)}"]);
            }

            // Each finding on its own, so a funnel refusal can say exactly what is missing.
            var bant = $"BANT not confirmed: {Describe(missing)}";
            return MeetsMql(lead, score, asOf)
                ? new(QualificationLevel.Mql, DisqualificationReason.None, [MqlReason(score), intent, bant])
                : new(QualificationLevel.Unqualified, DisqualificationReason.None, [intent, bant, MqlReason(score)]);
        }

        if (MeetsMql(lead, score, asOf))
        {
            return new(QualificationLevel.Mql, DisqualificationReason.None, [MqlReason(score), NoIntent]);
        }

        return ShowsInterest(lead, asOf)
            ? new(QualificationLevel.Unqualified, DisqualificationReason.None, [MqlReason(score), NoIntent])
            : new(QualificationLevel.Unqualified, DisqualificationReason.None, "no interest shown yet");
    }

    /// <inheritdoc />
    public void AddDistances(Lead lead, LeadScore score, DateTimeOffset asOf, ICollection<ThresholdDistance> distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var result = Qualify(lead, score, asOf);
        if (result.Disqualification != DisqualificationReason.None || result.Level >= QualificationLevel.Mql)
        {
            return;
        }

        if (_mqlRule == MqlRule.Total)
        {
            if (score.Total < _total)
            {
                distances.Add(new ThresholdDistance("mql", null, _total - score.Total));
            }

            return;
        }

        if (score.Fit < _fit)
        {
            distances.Add(new ThresholdDistance("mql", Abstractions.Scoring.ScoreDimension.Fit, _fit - score.Fit));
        }

        if (score.Engagement < _engagement)
        {
            distances.Add(new ThresholdDistance("mql", Abstractions.Scoring.ScoreDimension.Engagement, _engagement - score.Engagement));
        }
    }

    private static bool ShowsInterest(Lead lead, DateTimeOffset asOf)
    {
        if (lead.Timeframe.Kind != PurchaseTimeframeKind.NotStated)
        {
            return true;
        }

        var asOfTicks = asOf.UtcTicks;
        foreach (ref readonly var signal in lead.Signals.AsSpan())
        {
            if (signal.OccurredAtUtcTicks <= asOfTicks)
            {
                return true;
            }
        }

        return false;
    }

    private bool MeetsMql(Lead lead, LeadScore score, DateTimeOffset asOf)
        => ShowsInterest(lead, asOf) && (_mqlRule == MqlRule.Total ? score.Total >= _total : score.Fit >= _fit && score.Engagement >= _engagement);

    private string MqlReason(LeadScore score) => _mqlRule == MqlRule.Total
        ? string.Create(CultureInfo.InvariantCulture, $"total {score.Total:0.##} {(score.Total >= _total ? ">=" : "<")} {_total:0.##}")
        : string.Create(CultureInfo.InvariantCulture, $"fit {score.Fit:0.##} {(score.Fit >= _fit ? ">=" : "<")} {_fit:0.##} and engagement {score.Engagement:0.##} {(score.Engagement >= _engagement ? ">=" : "<")} {_engagement:0.##}");

    private BantCriteria MissingBant(BantAssessment bant)
    {
        var confirmed = (bant.Budget == BantStatus.Confirmed ? BantCriteria.Budget : 0)
            | (bant.Authority == BantStatus.Confirmed ? BantCriteria.Authority : 0)
            | (bant.Need == BantStatus.Confirmed ? BantCriteria.Need : 0)
            | (bant.Timeline == BantStatus.Confirmed ? BantCriteria.Timeline : 0);
        return _bant & ~confirmed;
    }

    /// <summary>The criteria in lower case, in BANT order, e.g. "budget, need".</summary>
    private static string Describe(BantCriteria criteria)
    {
        var names = new List<string>(4);
        if ((criteria & BantCriteria.Budget) != 0)
        {
            names.Add("budget");
        }

        if ((criteria & BantCriteria.Authority) != 0)
        {
            names.Add("authority");
        }

        if ((criteria & BantCriteria.Need) != 0)
        {
            names.Add("need");
        }

        if ((criteria & BantCriteria.Timeline) != 0)
        {
            names.Add("timeline");
        }

        return names.Count == 0 ? "none required" : string.Join(", ", names);
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
