using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using static LeadKit.Benchmarks.Peers.ReferenceRules;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// The reference rules as NRules rules (Rete network) over the flattened lead; each rule's action adds its points
/// to <see cref="FlatLead.Score"/>. The string literals repeat <see cref="ReferenceRules"/>' lists because NRules
/// patterns are expression trees; the equivalence check proves they agree.
/// </summary>
public sealed class NRulesScorer
{
    private readonly ISession _session;

    private NRulesScorer(ISession session) => _session = session;

    /// <summary>Loads and compiles the rules into a session factory, and opens one session (the rules are private nested classes, which NRules only scans when asked).</summary>
    /// <returns>The scorer.</returns>
    public static NRulesScorer Create()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(scan => scan.Type(RuleTypes).NestedTypes().PrivateTypes()));
        return new NRulesScorer(repository.Compile().CreateSession());
    }

    /// <summary>Scores one flattened lead: insert, fire, retract.</summary>
    /// <param name="lead">The flattened lead; its <see cref="FlatLead.Score"/> is reset first.</param>
    /// <returns>The total points.</returns>
    public double Score(FlatLead lead)
    {
        lead.Score = 0;
        _session.Insert(lead);
        _session.Fire();
        _session.Retract(lead);
        return lead.Score;
    }

    /// <summary>Scores many flattened leads in one session: insert all, fire once, retract all.</summary>
    /// <param name="leads">The flattened leads.</param>
    /// <returns>The sum of their totals.</returns>
    public double ScoreAll(FlatLead[] leads)
    {
        foreach (var lead in leads)
        {
            lead.Score = 0;
        }

        _session.InsertAll(leads);
        _session.Fire();
        _session.RetractAll(leads);
        double sum = 0;
        foreach (var lead in leads)
        {
            sum += lead.Score;
        }

        return sum;
    }

    private static readonly Type[] RuleTypes =
    [
        typeof(CompanySizeLargeRule),
        typeof(CompanySizeMidRule),
        typeof(TargetIndustryRule),
        typeof(SeniorTitleRule),
        typeof(TargetCountryRule),
        typeof(BusinessEmailRule),
        typeof(BudgetConfirmedRule),
        typeof(StudentOrJobSeekerRule),
        typeof(ReferralRule),
        typeof(PurchasedListRule),
        typeof(CompetitorRule),
        typeof(DemoRequestedRule),
        typeof(WebinarAttendedRule),
        typeof(EmailClicksRule),
        typeof(RecentVisitsRule),
        typeof(ChatStartedRule),
        typeof(UnsubscribedRule),
        typeof(BouncedRule),
        typeof(InactiveRule),
        typeof(ImmediateTimeframeRule),
        typeof(PricingViewsRule),
    ];

    private sealed class CompanySizeLargeRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.EmployeeCount >= LargeEmployees);
            Then().Do(_ => lead.Add(LargePoints));
        }
    }

    private sealed class CompanySizeMidRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.EmployeeCount >= MidSizeEmployees && l.EmployeeCount < LargeEmployees);
            Then().Do(_ => lead.Add(MidSizePoints));
        }
    }

    private sealed class TargetIndustryRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.Industry == "software" || l.Industry == "fintech" || l.Industry == "retail");
            Then().Do(_ => lead.Add(TargetIndustryPoints));
        }
    }

    private sealed class SeniorTitleRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.JobTitle.Contains("Chief") || l.JobTitle.Contains("Director") || l.JobTitle.Contains("Head of") || l.JobTitle.Contains("VP"));
            Then().Do(_ => lead.Add(SeniorTitlePoints));
        }
    }

    private sealed class TargetCountryRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.Country == "BR" || l.Country == "US" || l.Country == "DE");
            Then().Do(_ => lead.Add(TargetCountryPoints));
        }
    }

    private sealed class BusinessEmailRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.EmailDomain != "" && l.EmailDomain != "gmail.com" && l.EmailDomain != "yahoo.com" && l.EmailDomain != "hotmail.com" && l.EmailDomain != "outlook.com");
            Then().Do(_ => lead.Add(BusinessEmailPoints));
        }
    }

    private sealed class BudgetConfirmedRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.BudgetConfirmed);
            Then().Do(_ => lead.Add(BudgetConfirmedPoints));
        }
    }

    private sealed class StudentOrJobSeekerRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.JobTitle.Contains("Student") || l.JobTitle.Contains("Job Seeker"));
            Then().Do(_ => lead.Add(StudentOrJobSeekerPoints));
        }
    }

    private sealed class ReferralRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.Source == "referral");
            Then().Do(_ => lead.Add(ReferralPoints));
        }
    }

    private sealed class PurchasedListRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.Source == "purchased_list");
            Then().Do(_ => lead.Add(PurchasedListPoints));
        }
    }

    private sealed class CompetitorRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.CompanyDomain == "rivalcrm.example" || l.CompanyDomain == "competitor.example");
            Then().Do(_ => lead.Add(CompetitorPoints));
        }
    }

    private sealed class DemoRequestedRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.DemoRequests > 0);
            Then().Do(_ => lead.Add(DemoRequestedPoints));
        }
    }

    private sealed class WebinarAttendedRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.WebinarsAttended > 0);
            Then().Do(_ => lead.Add(WebinarAttendedPoints));
        }
    }

    private sealed class EmailClicksRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.EmailClicks >= EmailClickThreshold);
            Then().Do(_ => lead.Add(EmailClicksPoints));
        }
    }

    private sealed class RecentVisitsRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.VisitsLast30Days >= VisitThreshold);
            Then().Do(_ => lead.Add(VisitsPoints));
        }
    }

    private sealed class ChatStartedRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.ChatsStarted > 0);
            Then().Do(_ => lead.Add(ChatStartedPoints));
        }
    }

    private sealed class UnsubscribedRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.Unsubscribes > 0);
            Then().Do(_ => lead.Add(UnsubscribedPoints));
        }
    }

    private sealed class BouncedRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.Bounces > 0);
            Then().Do(_ => lead.Add(BouncedPoints));
        }
    }

    private sealed class InactiveRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.SignalsLast90Days == 0);
            Then().Do(_ => lead.Add(InactivityPoints));
        }
    }

    private sealed class ImmediateTimeframeRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.ImmediateTimeframe);
            Then().Do(_ => lead.Add(ImmediateTimeframePoints));
        }
    }

    private sealed class PricingViewsRule : Rule
    {
        public override void Define()
        {
            FlatLead lead = null!;
            When().Match(() => lead, l => l.PricingViews > 0);
            Then().Do(_ => lead.Add(Math.Min(lead.PricingViews, PricingViewMaximumCount) * PricingViewPoints));
        }
    }
}
