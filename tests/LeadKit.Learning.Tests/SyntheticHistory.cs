using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Learning.Backtesting;
using LeadKit.Testing;

namespace LeadKit.Learning.Tests;

/// <summary>
/// Seeded synthetic history drawn from a known logistic model, so learners can be checked against the truth:
/// log-odds = −2 + 1.5·referral − 1.0·purchased list + 2.0·demo requested + 0.8·manager or above − 1.2·student.
/// </summary>
internal static class SyntheticHistory
{
    public const double TrueIntercept = -2.0;
    public const double TrueReferral = 1.5;
    public const double TruePurchasedList = -1.0;
    public const double TrueDemo = 2.0;
    public const double TrueManagerOrAbove = 0.8;
    public const double TrueStudent = -1.2;

    private static readonly LeadSource[] Sources = [LeadSource.Referral, LeadSource.PurchasedList, LeadSource.Webinar, LeadSource.OrganicSearch];
    private static readonly string[] Industries = ["software", "retail", "logistics"];

    public static List<HistoricalLead> Create(int count, int seed)
    {
        var random = new Random(seed);
        var history = new List<HistoricalLead>(count);
        var decided = LeadBuilder.Now.AddDays(-5);
        for (var i = 0; i < count; i++)
        {
            var source = Sources[random.Next(Sources.Length)];
            var seniority = (Seniority)random.Next(0, 9);
            var demo = random.NextDouble() < 0.25;
            var industry = Industries[random.Next(Industries.Length)];
            var builder = LeadBuilder.New($"synthetic-{seed}-{i}")
                .From(source)
                .WithContact(seniority: seniority)
                .AtCompany(industry: industry, employees: random.Next(1, 2000));
            if (demo)
            {
                builder.Did(EngagementSignalKind.DemoRequested, daysAgo: 6);
            }

            // Noise after the decision: a demo request that must never count.
            if (random.NextDouble() < 0.3)
            {
                builder.Did(EngagementSignalKind.DemoRequested, daysAgo: 1);
            }

            var logOdds = TrueIntercept
                + (source == LeadSource.Referral ? TrueReferral : 0)
                + (source == LeadSource.PurchasedList ? TruePurchasedList : 0)
                + (demo ? TrueDemo : 0)
                + (seniority >= Seniority.Manager ? TrueManagerOrAbove : 0)
                + (seniority == Seniority.Student ? TrueStudent : 0);
            var won = random.NextDouble() < 1 / (1 + Math.Exp(-logOdds));
            history.Add(new HistoricalLead(builder.Build(), decided, won));
        }

        return history;
    }

    public static bool IsManagerOrAbove(Lead lead, DateTimeOffset asOf) => lead.Contact.Seniority >= Seniority.Manager;

    public static bool IsStudent(Lead lead, DateTimeOffset asOf) => lead.Contact.Seniority == Seniority.Student;
}
