namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// The constants of the 20-rule reference rule set used by every engine in the peer comparison, so that each
/// engine's version of a rule reads the same numbers. Points are whole numbers so totals compare exactly.
/// </summary>
/// <remarks>
/// Fit: (1) 50-999 employees +10, 1,000 or more +15; (2) industry software, fintech or retail +10; (3) job title
/// names a senior role (Chief, Director, Head of, VP) +15; (4) country BR, US or DE +5; (5) business e-mail (not a
/// free-mail domain) +10; (6) budget confirmed +10; (7) student or job seeker -20; (8) referral +20;
/// (9) purchased list -10; (10) competitor company domain -50.
/// Engagement (signals after the as-of time are ignored): (11) +5 per pricing-page view, at most 3 counted;
/// (12) demo requested +25; (13) webinar attended +10; (14) 3 or more e-mail clicks +10; (15) 5 or more website
/// visits in the last 30 days +10; (16) chat started +10; (17) unsubscribed -20; (18) e-mail bounced -15;
/// (19) no signal in the last 90 days -10; (20) immediate purchase timeframe +20.
/// </remarks>
public static class ReferenceRules
{
    public const int MidSizeEmployees = 50;
    public const int LargeEmployees = 1000;
    public const double MidSizePoints = 10;
    public const double LargePoints = 15;
    public const double TargetIndustryPoints = 10;
    public const double SeniorTitlePoints = 15;
    public const double TargetCountryPoints = 5;
    public const double BusinessEmailPoints = 10;
    public const double BudgetConfirmedPoints = 10;
    public const double StudentOrJobSeekerPoints = -20;
    public const double ReferralPoints = 20;
    public const double PurchasedListPoints = -10;
    public const double CompetitorPoints = -50;
    public const double PricingViewPoints = 5;
    public const int PricingViewMaximumCount = 3;
    public const double DemoRequestedPoints = 25;
    public const double WebinarAttendedPoints = 10;
    public const int EmailClickThreshold = 3;
    public const double EmailClicksPoints = 10;
    public const int VisitThreshold = 5;
    public const int VisitWindowDays = 30;
    public const double VisitsPoints = 10;
    public const double ChatStartedPoints = 10;
    public const double UnsubscribedPoints = -20;
    public const double BouncedPoints = -15;
    public const int InactivityDays = 90;
    public const double InactivityPoints = -10;
    public const double ImmediateTimeframePoints = 20;

    public static readonly string[] TargetIndustries = ["software", "fintech", "retail"];
    public static readonly string[] SeniorTitleWords = ["Chief", "Director", "Head of", "VP"];
    public static readonly string[] TargetCountries = ["BR", "US", "DE"];
    public static readonly string[] FreeMailDomains = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com"];
    public static readonly string[] StudentOrJobSeekerWords = ["Student", "Job Seeker"];
    public static readonly string[] CompetitorDomains = ["rivalcrm.example", "competitor.example"];
}
