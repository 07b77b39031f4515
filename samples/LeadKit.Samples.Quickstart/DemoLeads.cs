using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Samples.Quickstart;

/// <summary>A seeded generator of demo leads: the same seed always gives the same leads.</summary>
internal static class DemoLeads
{
    private static readonly LeadSource[] Sources =
    [
        LeadSource.Referral, LeadSource.Webinar, LeadSource.LinkedIn, LeadSource.PurchasedList,
        LeadSource.WebsiteForm, LeadSource.EmailCampaign, LeadSource.TradeFair, LeadSource.LiveChat,
    ];

    private static readonly EngagementSignalKind[] Signals =
    [
        EngagementSignalKind.PageView, EngagementSignalKind.PricingPageView, EngagementSignalKind.EmailOpen,
        EngagementSignalKind.EmailClick, EngagementSignalKind.WebinarAttended, EngagementSignalKind.DemoRequested,
        EngagementSignalKind.ChatStarted, EngagementSignalKind.Unsubscribed,
    ];

    private static readonly string[] Industries = ["software", "retail", "manufacturing", "health", "education"];
    private static readonly string[] Countries = ["BR", "DE", "US", "PT", "GB"];
    private static readonly (string Title, Seniority Seniority)[] Titles =
    [
        ("Chief Executive Officer", Seniority.CLevel), ("Head of Sales", Seniority.Director),
        ("Marketing Manager", Seniority.Manager), ("Sales Analyst", Seniority.Entry), ("Student", Seniority.Student),
    ];

    /// <summary>Generates <paramref name="count"/> leads created over the six months before <paramref name="now"/>.</summary>
    public static IReadOnlyList<Lead> Generate(int count, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var leads = new List<Lead>(count);
        for (var i = 0; i < count; i++)
        {
            var createdAt = now.AddDays(-random.Next(1, 180)).AddMinutes(-random.Next(0, 24 * 60));
            var (title, seniority) = Titles[random.Next(Titles.Length)];
            var signals = new EngagementSignal[random.Next(0, 12)];
            for (var s = 0; s < signals.Length; s++)
            {
                var at = createdAt.AddHours(random.Next(0, (int)Math.Max(1, (now - createdAt).TotalHours)));
                signals[s] = new EngagementSignal(Signals[random.Next(Signals.Length)], at);
            }

            leads.Add(new Lead
            {
                Id = new LeadId($"L{i + 1:D5}"),
                CreatedAt = createdAt,
                Source = Sources[random.Next(Sources.Length)],
                Contact = new ContactInfo
                {
                    FirstName = $"Contact{i + 1}",
                    Email = new EmailAddress(random.Next(4) == 0 ? $"contact{i + 1}@gmail.com" : $"contact{i + 1}@company{i % 97}.example"),
                    JobTitle = title,
                    Seniority = seniority,
                },
                Company = new CompanyInfo
                {
                    Name = $"Company {i % 97}",
                    Industry = Industries[random.Next(Industries.Length)],
                    EmployeeCount = random.Next(1, 5000),
                    Country = new CountryCode(Countries[random.Next(Countries.Length)]),
                },
                Timeframe = random.Next(3) switch
                {
                    0 => PurchaseTimeframe.Immediate,
                    1 => PurchaseTimeframe.WithinDays(random.Next(15, 120)),
                    _ => PurchaseTimeframe.NotStated,
                },
                Bant = new BantAssessment
                {
                    Budget = (BantStatus)random.Next(3),
                    Authority = (BantStatus)random.Next(3),
                    // Most leads that reach sales do need the product; one in six says it does not.
                    Need = random.Next(6) == 0 ? BantStatus.NotMet : (BantStatus)random.Next(2),
                    Timeline = (BantStatus)random.Next(3),
                },
                Signals = [.. signals],
            });
        }

        return leads;
    }
}
