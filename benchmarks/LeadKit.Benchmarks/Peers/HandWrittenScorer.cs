using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// The baseline: the 20 reference rules written by hand in plain C#, reading the <see cref="Lead"/> directly with
/// one pass over its signals. This is what a careful developer would write without any framework.
/// </summary>
public static class HandWrittenScorer
{
    /// <summary>Scores a lead as of a moment.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Signals after this moment are ignored.</param>
    /// <returns>The total points.</returns>
    public static double Score(Lead lead, DateTimeOffset asOf)
    {
        double total = 0;
        var company = lead.Company;
        if (company?.EmployeeCount is { } employees)
        {
            total += employees >= ReferenceRules.LargeEmployees ? ReferenceRules.LargePoints
                : employees >= ReferenceRules.MidSizeEmployees ? ReferenceRules.MidSizePoints : 0;
        }

        if (company?.Industry is { } industry && Array.IndexOf(ReferenceRules.TargetIndustries, industry) >= 0)
        {
            total += ReferenceRules.TargetIndustryPoints;
        }

        var title = lead.Contact.JobTitle;
        if (title is not null && ContainsAny(title, ReferenceRules.SeniorTitleWords))
        {
            total += ReferenceRules.SeniorTitlePoints;
        }

        if (company?.Country is { } country && Array.IndexOf(ReferenceRules.TargetCountries, country.Value) >= 0)
        {
            total += ReferenceRules.TargetCountryPoints;
        }

        if (lead.Contact.Email is { } email && Array.IndexOf(ReferenceRules.FreeMailDomains, email.Domain) < 0)
        {
            total += ReferenceRules.BusinessEmailPoints;
        }

        if (lead.Bant.Budget == BantStatus.Confirmed)
        {
            total += ReferenceRules.BudgetConfirmedPoints;
        }

        if (title is not null && ContainsAny(title, ReferenceRules.StudentOrJobSeekerWords))
        {
            total += ReferenceRules.StudentOrJobSeekerPoints;
        }

        if (lead.Source == LeadSource.Referral)
        {
            total += ReferenceRules.ReferralPoints;
        }
        else if (lead.Source == LeadSource.PurchasedList)
        {
            total += ReferenceRules.PurchasedListPoints;
        }

        if (company?.Domain is { } domain && Array.IndexOf(ReferenceRules.CompetitorDomains, domain) >= 0)
        {
            total += ReferenceRules.CompetitorPoints;
        }

        int pricing = 0, clicks = 0, visits = 0, recent = 0;
        bool demo = false, webinar = false, chat = false, unsubscribed = false, bounced = false;
        var visitWindow = TimeSpan.FromDays(ReferenceRules.VisitWindowDays).Ticks;
        var inactivityWindow = TimeSpan.FromDays(ReferenceRules.InactivityDays).Ticks;
        var asOfTicks = asOf.UtcTicks;
        foreach (var signal in lead.Signals.AsSpan())
        {
            if (signal.OccurredAtUtcTicks > asOfTicks)
            {
                continue;
            }

            var age = asOfTicks - signal.OccurredAtUtcTicks;
            if (age <= inactivityWindow)
            {
                recent++;
            }

            var kind = signal.Kind;
            if (kind == EngagementSignalKind.PricingPageView)
            {
                pricing++;
            }
            else if (kind == EngagementSignalKind.DemoRequested)
            {
                demo = true;
            }
            else if (kind == EngagementSignalKind.WebinarAttended)
            {
                webinar = true;
            }
            else if (kind == EngagementSignalKind.EmailClick)
            {
                clicks++;
            }
            else if (kind == EngagementSignalKind.WebsiteVisit && age <= visitWindow)
            {
                visits++;
            }
            else if (kind == EngagementSignalKind.ChatStarted)
            {
                chat = true;
            }
            else if (kind == EngagementSignalKind.Unsubscribed)
            {
                unsubscribed = true;
            }
            else if (kind == EngagementSignalKind.EmailBounced)
            {
                bounced = true;
            }
        }

        total += Math.Min(pricing, ReferenceRules.PricingViewMaximumCount) * ReferenceRules.PricingViewPoints;
        total += demo ? ReferenceRules.DemoRequestedPoints : 0;
        total += webinar ? ReferenceRules.WebinarAttendedPoints : 0;
        total += clicks >= ReferenceRules.EmailClickThreshold ? ReferenceRules.EmailClicksPoints : 0;
        total += visits >= ReferenceRules.VisitThreshold ? ReferenceRules.VisitsPoints : 0;
        total += chat ? ReferenceRules.ChatStartedPoints : 0;
        total += unsubscribed ? ReferenceRules.UnsubscribedPoints : 0;
        total += bounced ? ReferenceRules.BouncedPoints : 0;
        total += recent == 0 ? ReferenceRules.InactivityPoints : 0;
        total += lead.Timeframe.Kind == PurchaseTimeframeKind.Immediate ? ReferenceRules.ImmediateTimeframePoints : 0;
        return total;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
