using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using static LeadKit.Benchmarks.Peers.ReferenceRules;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// LeadKit on the flattened input RulesEngine and NRules get: the lead without its signals, carrying the precomputed
/// signal counts of <see cref="FlatLead"/> as numeric custom attributes; the 10 engagement rules become attribute rules
/// on those counts ("pricing views at least 1, 2, 3: +5 each" expresses 5 points per view, at most 3). Fit rules are
/// unchanged.
/// </summary>
public static class LeadKitFlattenedModel
{
    private static readonly CustomFieldKey PricingViews = new("pricing_views");
    private static readonly CustomFieldKey DemoRequests = new("demo_requests");
    private static readonly CustomFieldKey WebinarsAttended = new("webinars_attended");
    private static readonly CustomFieldKey EmailClicks = new("email_clicks");
    private static readonly CustomFieldKey VisitsLast30Days = new("visits_last_30_days");
    private static readonly CustomFieldKey ChatsStarted = new("chats_started");
    private static readonly CustomFieldKey Unsubscribes = new("unsubscribes");
    private static readonly CustomFieldKey Bounces = new("bounces");
    private static readonly CustomFieldKey SignalsLast90Days = new("signals_last_90_days");

    /// <summary>The lead as flattened input: no signals, the counts of <paramref name="flat"/> as custom attributes.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="flat">Its flattened form.</param>
    /// <returns>The flattened lead.</returns>
    public static Lead ToLead(Lead lead, FlatLead flat) => lead with
    {
        Signals = [],
        CustomFields =
        [
            new(PricingViews, CustomFieldValue.FromNumber(flat.PricingViews)),
            new(DemoRequests, CustomFieldValue.FromNumber(flat.DemoRequests)),
            new(WebinarsAttended, CustomFieldValue.FromNumber(flat.WebinarsAttended)),
            new(EmailClicks, CustomFieldValue.FromNumber(flat.EmailClicks)),
            new(VisitsLast30Days, CustomFieldValue.FromNumber(flat.VisitsLast30Days)),
            new(ChatsStarted, CustomFieldValue.FromNumber(flat.ChatsStarted)),
            new(Unsubscribes, CustomFieldValue.FromNumber(flat.Unsubscribes)),
            new(Bounces, CustomFieldValue.FromNumber(flat.Bounces)),
            new(SignalsLast90Days, CustomFieldValue.FromNumber(flat.SignalsLast90Days)),
        ],
    };

    /// <summary>Builds the model.</summary>
    /// <returns>The compiled model.</returns>
    public static ScoringModel Build()
    {
        var builder = LeadKitReferenceModel.AddFitRules(new ScoringModelBuilder().WithName("peer-reference-flattened"));
        for (var views = 1; views <= PricingViewMaximumCount; views++)
        {
            builder.AddRule(AtLeast("pricing_page_views_" + views, PricingViews, views, PricingViewPoints));
        }

        return builder
            .AddRule(AtLeast("demo_requested", DemoRequests, 1, DemoRequestedPoints))
            .AddRule(AtLeast("webinar_attended", WebinarsAttended, 1, WebinarAttendedPoints))
            .AddRule(AtLeast("email_clicks", EmailClicks, EmailClickThreshold, EmailClicksPoints))
            .AddRule(AtLeast("recent_visits", VisitsLast30Days, VisitThreshold, VisitsPoints))
            .AddRule(AtLeast("chat_started", ChatsStarted, 1, ChatStartedPoints))
            .AddRule(AtLeast("unsubscribed", Unsubscribes, 1, UnsubscribedPoints))
            .AddRule(AtLeast("email_bounced", Bounces, 1, BouncedPoints))
            .AddRule(new AttributeRule("inactive", AttributeCondition.Custom(SignalsLast90Days, FieldOperator.AtMost, max: 0), InactivityPoints) { Dimension = ScoreDimension.Engagement })
            .AddRule(new AttributeRule("immediate_timeframe", AttributeCondition.Is(LeadField.TimeframeKind, "Immediate"), ImmediateTimeframePoints) { Dimension = ScoreDimension.Engagement })
            .Build();
    }

    private static AttributeRule AtLeast(string name, CustomFieldKey key, int count, double points)
        => new(name, AttributeCondition.Custom(key, FieldOperator.AtLeast, min: count), points) { Dimension = ScoreDimension.Engagement };
}
