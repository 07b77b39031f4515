using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;

namespace LeadKit.Benchmarks.Scoring;

/// <summary>
/// The reference scoring model of the performance targets: 20 rules, 10 fit and 10 engagement, with group caps,
/// dimension caps and decay. Reused by the peer comparison (RulesEngine, NRules), so it is described in plain terms:
/// every number here is also used by <see cref="HandWrittenScorer"/>.
/// </summary>
public static class ReferenceModel
{
    /// <summary>Fit group "firmographic" cap.</summary>
    public const double FirmographicCap = 40;

    /// <summary>Engagement group "web" cap (decay: half-life 30 days).</summary>
    public const double WebCap = 30;

    /// <summary>Engagement group "email" cap (decay: linear over 90 days).</summary>
    public const double EmailCap = 15;

    /// <summary>Fit and engagement caps (floor -100, cap 100).</summary>
    public const double DimensionCap = 100;

    /// <summary>The kinds the reference leads use that no rule scores (they must be skipped cheaply).</summary>
    public static readonly EngagementSignalKind[] UnscoredKinds = [EngagementSignalKind.FormSubmit, EngagementSignalKind.SocialInteraction];

    /// <summary>Builds the model.</summary>
    /// <returns>The compiled model.</returns>
    public static ScoringModel Build() => new ScoringModelBuilder()
        .WithName("reference")
        .AddGroup(new ScoringGroup("firmographic", ScoreDimension.Fit) { Limits = new(null, FirmographicCap) })
        .AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new(null, WebCap), Decay = DecayFunction.HalfLife(TimeSpan.FromDays(30)) })
        .AddGroup(new ScoringGroup("email", ScoreDimension.Engagement) { Limits = new(null, EmailCap), Decay = DecayFunction.Linear(TimeSpan.FromDays(90)) })

        // Fit: 10 rules.
        .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.RecycledOpportunity, 10), (LeadSource.PurchasedList, -10)))
        .AddRule(SalesRules.Seniority("decision_maker", 15, Seniority.Director, Seniority.VicePresident, Seniority.CLevel, Seniority.Owner))
        .AddRule(SalesRules.JobTitle("sales_title", 5, "sales", "revenue"))
        .AddRule(SalesRules.CompanySize("mid_market", 10, 50, 5000), "firmographic")
        .AddRule(SalesRules.Industry("target_industry", 10, "software", "manufacturing"), "firmographic")
        .AddRule(SalesRules.Country("target_country", 10, "BR", "DE", "US"), "firmographic")
        .AddRule(SalesRules.EmailDomain("business_email", 5, -5), "firmographic")
        .AddRule(SalesRules.Bant("bant_two", 10, 2))
        .AddRule(SalesRules.StudentOrJobSeeker(-30))
        .AddRule(SalesRules.DoNotContact(-50))

        // Engagement: 10 rules.
        .AddRule(SalesRules.Signal("page_views", EngagementSignalKind.PageView, 1, maxOccurrences: 10, windowDays: 30), "web")
        .AddRule(SalesRules.Signal("pricing_page", EngagementSignalKind.PricingPageView, 5, maxOccurrences: 3), "web")
        .AddRule(SalesRules.Signal("content", EngagementSignalKind.ContentDownload, 4, maxOccurrences: 3), "web")
        .AddRule(SalesRules.Signal("email_opens", EngagementSignalKind.EmailOpen, 0.5, maxOccurrences: 10), "email")
        .AddRule(SalesRules.Signal("email_clicks", EngagementSignalKind.EmailClick, 3, maxOccurrences: 5), "email")
        .AddRule(new SignalRule("webinar", EngagementSignalKind.WebinarAttended, 10) { MaxOccurrences = 2, Decay = DecayFunction.HalfLife(TimeSpan.FromDays(60)) })
        .AddRule(new SignalRule("demo_request", EngagementSignalKind.DemoRequested, 25) { MaxOccurrences = 1, Decay = DecayFunction.Step(new DecayStep(TimeSpan.FromDays(30), 0.5), new DecayStep(TimeSpan.FromDays(90), 0.2)) })
        .AddRule(new SignalRule("chat", EngagementSignalKind.ChatStarted, 5) { MaxOccurrences = 2, Decay = DecayFunction.SlidingWindow(TimeSpan.FromDays(45)) })
        .AddRule(SalesRules.Unsubscribed(-20))
        .AddRule(SalesRules.EmailBounced(-10))
        .WithLimits(ScoreDimension.Fit, new ScoreLimits(-DimensionCap, DimensionCap))
        .WithLimits(ScoreDimension.Engagement, new ScoreLimits(-DimensionCap, DimensionCap))
        .Build();
}
