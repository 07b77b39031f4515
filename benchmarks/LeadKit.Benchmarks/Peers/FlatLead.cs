using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// The flattened input given to the general rules engines: one public property per fact a rule reads, with the
/// signal counts precomputed as of <see cref="PeerLeadGenerator.AsOf"/>. RulesEngine's expression strings and
/// NRules' patterns cannot loop over signals cheaply, so this is their natural input. <see cref="Score"/> is
/// where NRules' actions add points.
/// </summary>
public sealed class FlatLead
{
    public int EmployeeCount { get; init; } = -1;
    public string Industry { get; init; } = string.Empty;
    public string JobTitle { get; init; } = string.Empty;
    public string Country { get; init; } = string.Empty;
    public string EmailDomain { get; init; } = string.Empty;
    public string CompanyDomain { get; init; } = string.Empty;
    public bool BudgetConfirmed { get; init; }
    public string Source { get; init; } = string.Empty;
    public int PricingViews { get; init; }
    public int DemoRequests { get; init; }
    public int WebinarsAttended { get; init; }
    public int EmailClicks { get; init; }
    public int VisitsLast30Days { get; init; }
    public int ChatsStarted { get; init; }
    public int Unsubscribes { get; init; }
    public int Bounces { get; init; }
    public int SignalsLast90Days { get; init; }
    public bool ImmediateTimeframe { get; init; }

    /// <summary>Gets or sets the points NRules' actions have added so far.</summary>
    public double Score { get; set; }

    /// <summary>Adds points (NRules' actions are expression trees, which cannot contain an assignment).</summary>
    /// <param name="points">The points to add.</param>
    public void Add(double points) => Score += points;

    /// <summary>Precomputes the flattened facts of a lead as of a moment.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Signals after this moment are ignored.</param>
    /// <returns>The flattened lead.</returns>
    public static FlatLead From(Lead lead, DateTimeOffset asOf)
    {
        int pricing = 0, demos = 0, webinars = 0, clicks = 0, visits = 0, chats = 0, unsubscribes = 0, bounces = 0, recent = 0;
        var asOfTicks = asOf.UtcTicks;
        foreach (var signal in lead.Signals)
        {
            if (signal.OccurredAtUtcTicks > asOfTicks)
            {
                continue;
            }

            var age = asOfTicks - signal.OccurredAtUtcTicks;
            if (age <= TimeSpan.FromDays(ReferenceRules.InactivityDays).Ticks)
            {
                recent++;
            }

            if (signal.Kind == EngagementSignalKind.PricingPageView)
            {
                pricing++;
            }
            else if (signal.Kind == EngagementSignalKind.DemoRequested)
            {
                demos++;
            }
            else if (signal.Kind == EngagementSignalKind.WebinarAttended)
            {
                webinars++;
            }
            else if (signal.Kind == EngagementSignalKind.EmailClick)
            {
                clicks++;
            }
            else if (signal.Kind == EngagementSignalKind.WebsiteVisit && age <= TimeSpan.FromDays(ReferenceRules.VisitWindowDays).Ticks)
            {
                visits++;
            }
            else if (signal.Kind == EngagementSignalKind.ChatStarted)
            {
                chats++;
            }
            else if (signal.Kind == EngagementSignalKind.Unsubscribed)
            {
                unsubscribes++;
            }
            else if (signal.Kind == EngagementSignalKind.EmailBounced)
            {
                bounces++;
            }
        }

        return new FlatLead
        {
            EmployeeCount = lead.Company?.EmployeeCount ?? -1,
            Industry = lead.Company?.Industry ?? string.Empty,
            JobTitle = lead.Contact.JobTitle ?? string.Empty,
            Country = lead.Company?.Country?.Value ?? string.Empty,
            EmailDomain = lead.Contact.Email?.Domain ?? string.Empty,
            CompanyDomain = lead.Company?.Domain ?? string.Empty,
            BudgetConfirmed = lead.Bant.Budget == BantStatus.Confirmed,
            Source = lead.Source.Value ?? string.Empty,
            PricingViews = pricing,
            DemoRequests = demos,
            WebinarsAttended = webinars,
            EmailClicks = clicks,
            VisitsLast30Days = visits,
            ChatsStarted = chats,
            Unsubscribes = unsubscribes,
            Bounces = bounces,
            SignalsLast90Days = recent,
            ImmediateTimeframe = lead.Timeframe.Kind == PurchaseTimeframeKind.Immediate,
        };
    }
}
