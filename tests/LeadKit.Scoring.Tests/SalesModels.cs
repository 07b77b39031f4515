using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Tests;

/// <summary>A model a B2B sales team would write, used by the example tests.</summary>
internal static class SalesModels
{
    public static ScoringModel B2B(TimeProvider? time = null)
    {
        var builder = new ScoringModelBuilder()
            .WithName("b2b")
            .AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new(null, 30), Decay = DecayFunction.HalfLife(TimeSpan.FromDays(30)) })
            .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.RecycledOpportunity, 10), (LeadSource.PurchasedList, -10)))
            .AddRule(SalesRules.Seniority("decision_maker", 15, Seniority.Director, Seniority.VicePresident, Seniority.CLevel, Seniority.Owner))
            .AddRule(SalesRules.CompanySize("mid_market", 10, 50, 5000))
            .AddRule(SalesRules.Industry("target_industry", 10, "software", "manufacturing"))
            .AddRule(SalesRules.EmailDomain("business_email", 5, -5))
            .AddRule(SalesRules.StudentOrJobSeeker(-30))
            .AddRule(SalesRules.Competitor(-100, "rival.example"))
            .AddRule(SalesRules.DoNotContact(-50))
            .AddRule(SalesRules.Signal("page_views", EngagementSignalKind.PageView, 1, maxOccurrences: 10, windowDays: 30), "web")
            .AddRule(SalesRules.Signal("pricing_page", EngagementSignalKind.PricingPageView, 5, maxOccurrences: 3), "web")
            .AddRule(SalesRules.Signal("email_clicks", EngagementSignalKind.EmailClick, 3, maxOccurrences: 5), "web")
            .AddRule(SalesRules.Signal("webinar", EngagementSignalKind.WebinarAttended, 10, maxOccurrences: 2))
            .AddRule(SalesRules.Signal("demo_request", EngagementSignalKind.DemoRequested, 25, maxOccurrences: 1))
            .AddRule(SalesRules.Timeframe("timeframe", 10, 60))
            .AddRule(SalesRules.Unsubscribed(-20))
            .AddRule(SalesRules.EmailBounced(-10))
            .AddRule(SalesRules.Inactivity("inactive_60d", 60, -15))
            .WithLimits(ScoreDimension.Fit, new ScoreLimits(-100, 100))
            .WithLimits(ScoreDimension.Engagement, new ScoreLimits(-100, 100));
        if (time is not null)
        {
            builder.WithTimeProvider(time);
        }

        return builder.Build();
    }
}
