using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests;

/// <summary>Seeded random leads for batch and parallel tests.</summary>
internal static class TestLeads
{
    private static readonly EngagementSignalKind[] Kinds =
    [
        EngagementSignalKind.PageView, EngagementSignalKind.PricingPageView, EngagementSignalKind.EmailClick,
        EngagementSignalKind.WebinarAttended, EngagementSignalKind.DemoRequested, EngagementSignalKind.Unsubscribed,
        EngagementSignalKind.EmailOpen, EngagementSignalKind.EmailBounced,
    ];

    private static readonly LeadSource[] Sources = [LeadSource.Referral, LeadSource.PurchasedList, LeadSource.WebsiteForm, LeadSource.RecycledOpportunity];

    public static Lead[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var leads = new Lead[count];
        for (var i = 0; i < count; i++)
        {
            var signals = new EngagementSignal[random.Next(0, 25)];
            for (var s = 0; s < signals.Length; s++)
            {
                signals[s] = new EngagementSignal(Kinds[random.Next(Kinds.Length)], LeadBuilder.Now.AddHours(-random.Next(-48, 24 * 120)));
            }

            leads[i] = new Lead
            {
                Id = new LeadId($"T{i}"),
                CreatedAt = LeadBuilder.Now.AddDays(-150),
                Source = Sources[random.Next(Sources.Length)],
                Contact = new ContactInfo
                {
                    Email = new EmailAddress(random.Next(2) == 0 ? "a@gmail.com" : "a@firm.example"),
                    Seniority = (Seniority)random.Next(0, 9),
                },
                Company = new CompanyInfo { EmployeeCount = random.Next(1, 10_000), Industry = random.Next(2) == 0 ? "software" : "retail" },
                Timeframe = random.Next(3) switch { 0 => PurchaseTimeframe.Immediate, 1 => PurchaseTimeframe.WithinDays(random.Next(1, 200)), _ => PurchaseTimeframe.NotStated },
                Signals = [.. signals],
            };
        }

        return leads;
    }
}
