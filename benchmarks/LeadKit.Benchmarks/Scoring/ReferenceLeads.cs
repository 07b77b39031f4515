using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Benchmarks.Scoring;

/// <summary>A seeded generator of leads for the reference model: about 20 signals each over the last 180 days.</summary>
public static class ReferenceLeads
{
    /// <summary>The moment the reference leads are scored at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly EngagementSignalKind[] Kinds =
    [
        EngagementSignalKind.PageView, EngagementSignalKind.PageView, EngagementSignalKind.PageView, EngagementSignalKind.PricingPageView,
        EngagementSignalKind.ContentDownload, EngagementSignalKind.EmailOpen, EngagementSignalKind.EmailOpen, EngagementSignalKind.EmailClick,
        EngagementSignalKind.WebinarAttended, EngagementSignalKind.DemoRequested, EngagementSignalKind.ChatStarted, EngagementSignalKind.Unsubscribed,
        EngagementSignalKind.EmailBounced, EngagementSignalKind.FormSubmit, EngagementSignalKind.SocialInteraction,
    ];

    private static readonly LeadSource[] Sources = [LeadSource.Referral, LeadSource.PurchasedList, LeadSource.WebsiteForm, LeadSource.RecycledOpportunity, LeadSource.LinkedIn, LeadSource.Webinar];
    private static readonly string[] Industries = ["software", "retail", "manufacturing", "health", "education"];
    private static readonly CountryCode[] Countries = [new("BR"), new("DE"), new("US"), new("PT"), new("GB")];
    private static readonly (string Title, Seniority Seniority)[] Titles =
    [
        ("Chief Executive Officer", Seniority.CLevel), ("Head of Sales", Seniority.Director), ("Marketing Manager", Seniority.Manager),
        ("Sales Analyst", Seniority.Entry), ("Student", Seniority.Student), ("VP Revenue", Seniority.VicePresident),
    ];

    private static readonly EmailAddress[] Emails = [new("ana@gmail.com"), new("bo@firm.example"), new("cy@company.example"), new("di@outlook.com")];

    /// <summary>Generates <paramref name="count"/> leads; the same seed gives the same leads.</summary>
    /// <param name="count">How many.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="signalsPerLead">The number of signals per lead.</param>
    /// <returns>The leads.</returns>
    public static Lead[] Generate(int count, int seed, int signalsPerLead = 20)
    {
        var random = new Random(seed);
        var leads = new Lead[count];
        for (var i = 0; i < count; i++)
        {
            var signals = new EngagementSignal[signalsPerLead];
            for (var s = 0; s < signals.Length; s++)
            {
                signals[s] = new EngagementSignal(Kinds[random.Next(Kinds.Length)], Now.AddMinutes(-random.Next(0, 180 * 24 * 60)));
            }

            var (title, seniority) = Titles[random.Next(Titles.Length)];
            leads[i] = new Lead
            {
                Id = new LeadId($"R{i}"),
                CreatedAt = Now.AddDays(-200),
                Source = Sources[random.Next(Sources.Length)],
                Contact = new ContactInfo { Email = Emails[random.Next(Emails.Length)], JobTitle = title, Seniority = seniority },
                Company = new CompanyInfo { EmployeeCount = random.Next(1, 10_000), Industry = Industries[random.Next(Industries.Length)], Country = Countries[random.Next(Countries.Length)] },
                Bant = new BantAssessment { Budget = (BantStatus)random.Next(3), Authority = (BantStatus)random.Next(3), Need = (BantStatus)random.Next(3) },
                Consent = new ContactConsent(true, random.Next(50) == 0, false, false),
                Signals = [.. signals],
            };
        }

        return leads;
    }
}
