using System.Collections.Frozen;
using System.Globalization;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Rules;
using static LeadKit.Benchmarks.Peers.ReferenceRules;

namespace LeadKit.Benchmarks.Peers;

/// <summary>The 20 reference rules as a LeadKit scoring model: built in code, or loaded from a LeadKit JSON rule set.</summary>
public static class LeadKitReferenceModel
{
    /// <summary>The same rules as a JSON rule set (data only: fields, operators, values).</summary>
    public static readonly string Json = string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "version": 1,
          "name": "peer-reference",
          "rules": [
            { "name": "company_size_large", "type": "attribute", "points": {{LargePoints}}, "when": { "field": "company.employeeCount", "op": "atLeast", "min": {{LargeEmployees}} } },
            { "name": "company_size_mid", "type": "attribute", "points": {{MidSizePoints}}, "when": { "field": "company.employeeCount", "op": "between", "min": {{MidSizeEmployees}}, "max": {{LargeEmployees - 1}} } },
            { "name": "target_industry", "type": "attribute", "points": {{TargetIndustryPoints}}, "when": { "field": "company.industry", "op": "in", "values": {{List(TargetIndustries)}} } },
            { "name": "senior_title", "type": "attribute", "points": {{SeniorTitlePoints}}, "when": { "field": "contact.jobTitle", "op": "contains", "values": {{List(SeniorTitleWords)}} } },
            { "name": "target_country", "type": "attribute", "points": {{TargetCountryPoints}}, "when": { "field": "company.country", "op": "in", "values": {{List(TargetCountries)}} } },
            { "name": "business_email", "type": "emailDomain", "businessPoints": {{BusinessEmailPoints}}, "freeMailPoints": 0, "freeMailDomains": {{List(ReferenceRules.FreeMailDomains)}} },
            { "name": "budget_confirmed", "type": "attribute", "points": {{BudgetConfirmedPoints}}, "when": { "field": "bant.budget", "op": "equals", "values": ["Confirmed"] } },
            { "name": "student_or_job_seeker", "type": "attribute", "points": {{StudentOrJobSeekerPoints}}, "when": { "field": "contact.jobTitle", "op": "contains", "values": {{List(StudentOrJobSeekerWords)}} } },
            { "name": "referral", "type": "source", "sources": { "referral": {{ReferralPoints}} } },
            { "name": "purchased_list", "type": "source", "sources": { "purchased_list": {{PurchasedListPoints}} } },
            { "name": "competitor", "type": "attribute", "points": {{CompetitorPoints}}, "when": { "field": "company.domain", "op": "in", "values": {{List(CompetitorDomains)}} } },
            { "name": "pricing_page_views", "type": "signal", "signals": ["pricing_page_view"], "points": {{PricingViewPoints}}, "maxOccurrences": {{PricingViewMaximumCount}} },
            { "name": "demo_requested", "type": "signal", "signals": ["demo_requested"], "points": {{DemoRequestedPoints}}, "maxOccurrences": 1 },
            { "name": "webinar_attended", "type": "signal", "signals": ["webinar_attended"], "points": {{WebinarAttendedPoints}}, "maxOccurrences": 1 },
            { "name": "email_clicks", "type": "signal", "signals": ["email_click"], "points": {{EmailClicksPoints}}, "minOccurrences": {{EmailClickThreshold}}, "maxOccurrences": 1 },
            { "name": "recent_visits", "type": "signal", "signals": ["website_visit"], "points": {{VisitsPoints}}, "minOccurrences": {{VisitThreshold}}, "maxOccurrences": 1, "windowDays": {{VisitWindowDays}} },
            { "name": "chat_started", "type": "signal", "signals": ["chat_started"], "points": {{ChatStartedPoints}}, "maxOccurrences": 1 },
            { "name": "unsubscribed", "type": "signal", "signals": ["unsubscribed"], "points": {{UnsubscribedPoints}}, "maxOccurrences": 1 },
            { "name": "email_bounced", "type": "signal", "signals": ["email_bounced"], "points": {{BouncedPoints}}, "maxOccurrences": 1 },
            { "name": "inactive", "type": "inactivity", "days": {{InactivityDays}}, "points": {{InactivityPoints}} },
            { "name": "immediate_timeframe", "type": "attribute", "dimension": "engagement", "points": {{ImmediateTimeframePoints}}, "when": { "field": "timeframe.kind", "op": "equals", "values": ["Immediate"] } }
          ]
        }
        """);

    /// <summary>Builds the model in code with the built-in rules.</summary>
    /// <returns>The compiled model.</returns>
    public static ScoringModel Build() => AddFitRules(new ScoringModelBuilder().WithName("peer-reference"))
        .AddRule(SalesRules.Signal("pricing_page_views", EngagementSignalKind.PricingPageView, PricingViewPoints, maxOccurrences: PricingViewMaximumCount))
        .AddRule(SalesRules.Signal("demo_requested", EngagementSignalKind.DemoRequested, DemoRequestedPoints, maxOccurrences: 1))
        .AddRule(SalesRules.Signal("webinar_attended", EngagementSignalKind.WebinarAttended, WebinarAttendedPoints, maxOccurrences: 1))
        .AddRule(SalesRules.SignalCountAtLeast("email_clicks", EngagementSignalKind.EmailClick, EmailClickThreshold, EmailClicksPoints))
        .AddRule(SalesRules.SignalCountAtLeast("recent_visits", EngagementSignalKind.WebsiteVisit, VisitThreshold, VisitsPoints, VisitWindowDays))
        .AddRule(SalesRules.Signal("chat_started", EngagementSignalKind.ChatStarted, ChatStartedPoints, maxOccurrences: 1))
        .AddRule(SalesRules.Unsubscribed(UnsubscribedPoints))
        .AddRule(SalesRules.EmailBounced(BouncedPoints))
        .AddRule(SalesRules.Inactivity("inactive", InactivityDays, InactivityPoints))
        .AddRule(new AttributeRule("immediate_timeframe", AttributeCondition.Is(LeadField.TimeframeKind, "Immediate"), ImmediateTimeframePoints) { Dimension = ScoreDimension.Engagement })
        .Build();

    /// <summary>Adds the 11 fit rules (the same in every LeadKit form of the reference rules).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ScoringModelBuilder AddFitRules(ScoringModelBuilder builder) => builder
        .AddRule(new AttributeRule("company_size_large", AttributeCondition.AtLeast(LeadField.EmployeeCount, LargeEmployees), LargePoints))
        .AddRule(SalesRules.CompanySize("company_size_mid", MidSizePoints, MidSizeEmployees, LargeEmployees - 1))
        .AddRule(SalesRules.Industry("target_industry", TargetIndustryPoints, TargetIndustries))
        .AddRule(SalesRules.JobTitle("senior_title", SeniorTitlePoints, SeniorTitleWords))
        .AddRule(SalesRules.Country("target_country", TargetCountryPoints, TargetCountries))
        .AddRule(new EmailDomainRule("business_email", BusinessEmailPoints, 0) { FreeMail = ReferenceRules.FreeMailDomains.ToFrozenSet(StringComparer.Ordinal) })
        .AddRule(new AttributeRule("budget_confirmed", AttributeCondition.Is(LeadField.BantBudget, "Confirmed"), BudgetConfirmedPoints))
        .AddRule(new AttributeRule("student_or_job_seeker", AttributeCondition.Contains(LeadField.JobTitle, StudentOrJobSeekerWords), StudentOrJobSeekerPoints))
        .AddRule(SalesRules.Source("referral", (LeadSource.Referral, ReferralPoints)))
        .AddRule(SalesRules.Source("purchased_list", (LeadSource.PurchasedList, PurchasedListPoints)))
        .AddRule(new AttributeRule("competitor", AttributeCondition.IsAnyOf(LeadField.CompanyDomain, CompetitorDomains), CompetitorPoints));

    /// <summary>Loads the model from <see cref="Json"/>.</summary>
    /// <returns>The compiled model.</returns>
    public static ScoringModel FromJson() => ScoringRuleSet.Parse(Json).Model;

    private static string List(string[] values) => "[" + string.Join(", ", values.Select(v => "\"" + v + "\"")) + "]";
}
