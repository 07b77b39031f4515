using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// A deterministic generator of realistic leads for the peer comparison: the same seed always gives the same
/// leads. Leads carry about 20 signals spread over the 120 days before <see cref="AsOf"/>, and a few after it
/// (which every engine must ignore).
/// </summary>
public static class PeerLeadGenerator
{
    /// <summary>The moment all engines score as of.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly LeadSource[] Sources =
    [
        LeadSource.Referral, LeadSource.PurchasedList, LeadSource.Webinar, LeadSource.LinkedIn, LeadSource.WebsiteForm,
        LeadSource.EmailCampaign, LeadSource.TradeFair, LeadSource.OrganicSearch,
    ];

    private static readonly string[] Industries = ["software", "fintech", "retail", "manufacturing", "health", "education"];
    private static readonly string[] Countries = ["BR", "US", "DE", "PT", "GB", "FR"];
    private static readonly string[] EmailDomains = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "acme.example", "globex.example", "initech.example", "umbrella.example"];
    private static readonly string[] CompanyDomains = ["acme.example", "globex.example", "initech.example", "rivalcrm.example", "competitor.example", "umbrella.example", "hooli.example"];

    private static readonly (string Title, Seniority Seniority)[] Titles =
    [
        ("Chief Executive Officer", Seniority.CLevel), ("Head of Sales", Seniority.Director), ("Sales Director", Seniority.Director),
        ("VP Marketing", Seniority.VicePresident), ("Marketing Manager", Seniority.Manager), ("Sales Analyst", Seniority.Entry),
        ("Software Engineer", Seniority.Senior), ("Student", Seniority.Student), ("Job Seeker", Seniority.Unknown),
    ];

    private static readonly (EngagementSignalKind Kind, int Weight)[] SignalMix =
    [
        (EngagementSignalKind.PageView, 30), (EngagementSignalKind.WebsiteVisit, 20), (EngagementSignalKind.EmailOpen, 15),
        (EngagementSignalKind.EmailClick, 10), (EngagementSignalKind.PricingPageView, 8), (EngagementSignalKind.WebinarAttended, 4),
        (EngagementSignalKind.DemoRequested, 2), (EngagementSignalKind.ChatStarted, 4), (EngagementSignalKind.Unsubscribed, 2),
        (EngagementSignalKind.EmailBounced, 2), (EngagementSignalKind.ContentDownload, 3),
    ];

    /// <summary>Generates <paramref name="count"/> leads from <paramref name="seed"/>.</summary>
    /// <param name="count">How many leads.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The leads.</returns>
    public static Lead[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var totalWeight = 0;
        foreach (var (_, weight) in SignalMix)
        {
            totalWeight += weight;
        }

        var leads = new Lead[count];
        for (var i = 0; i < leads.Length; i++)
        {
            var (title, seniority) = Titles[random.Next(Titles.Length)];
            // A quarter of the leads went quiet long ago, so the inactivity rule fires for some.
            var quietForDays = random.Next(4) == 0 ? random.Next(90, 200) : random.Next(0, 30);
            var signals = new EngagementSignal[random.Next(12, 29)];
            for (var s = 0; s < signals.Length; s++)
            {
                var pick = random.Next(totalWeight);
                var kind = SignalMix[0].Kind;
                foreach (var (candidate, weight) in SignalMix)
                {
                    if (pick < weight)
                    {
                        kind = candidate;
                        break;
                    }

                    pick -= weight;
                }

                var daysAgo = s == 0 && random.Next(10) == 0 ? -random.Next(1, 5) : quietForDays + random.Next(0, 120);
                signals[s] = new EngagementSignal(kind, AsOf.AddDays(-daysAgo).AddMinutes(-random.Next(0, 1440)));
            }

            leads[i] = new Lead
            {
                Id = new LeadId($"peer-{seed}-{i}"),
                CreatedAt = AsOf.AddDays(-random.Next(150, 400)),
                Source = Sources[random.Next(Sources.Length)],
                Contact = new ContactInfo
                {
                    Email = new EmailAddress($"contact{i}@{EmailDomains[random.Next(EmailDomains.Length)]}"),
                    JobTitle = title,
                    Seniority = seniority,
                },
                Company = random.Next(10) == 0
                    ? null
                    : new CompanyInfo
                    {
                        Name = $"Company {i}",
                        Domain = CompanyDomains[random.Next(CompanyDomains.Length)],
                        Industry = Industries[random.Next(Industries.Length)],
                        EmployeeCount = random.Next(8) == 0 ? null : (int)Math.Pow(10, random.NextDouble() * 4.5),
                        Country = new CountryCode(Countries[random.Next(Countries.Length)]),
                    },
                Timeframe = random.Next(4) switch
                {
                    0 => PurchaseTimeframe.Immediate,
                    1 => PurchaseTimeframe.WithinDays(random.Next(20, 120)),
                    _ => PurchaseTimeframe.NotStated,
                },
                Bant = new BantAssessment { Budget = (BantStatus)random.Next(3), Authority = (BantStatus)random.Next(3) },
                Signals = [.. signals],
            };
        }

        return leads;
    }
}
