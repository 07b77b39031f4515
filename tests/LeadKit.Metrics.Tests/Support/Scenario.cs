using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Metrics.Tests.Support;

/// <summary>A random but valid set of journeys, deals and customers, reproducible from its seed.</summary>
public sealed record Scenario(int Seed, int Size)
{
    private static readonly LeadSource[] Sources = [LeadSource.Referral, LeadSource.Webinar, LeadSource.LinkedIn, LeadSource.PurchasedList];
    private static readonly string?[] Owners = ["rep-a", "rep-b", "rep-c", null];
    private static readonly FunnelStage[] Forward = [FunnelStage.Mql, FunnelStage.Sql, FunnelStage.Opportunity, FunnelStage.Customer];
    private static readonly CurrencyCode[] Currencies = [CurrencyCode.Eur, CurrencyCode.Usd];

    public IReadOnlyList<LeadJourney> Journeys { get; } = MakeJourneys(Seed, Size);

    public IReadOnlyList<Deal> Deals => _deals ??= MakeDeals(Seed, Journeys);

    private List<Deal>? _deals;

    public IReadOnlyList<CustomerRecord> Customers { get; } = MakeCustomers(Seed, Size);

    /// <summary>The same records in a seeded random order.</summary>
    public (LeadJourney[] Journeys, Deal[] Deals, CustomerRecord[] Customers) Shuffled(int seed)
    {
        var random = new Random(seed);
        LeadJourney[] journeys = [.. Journeys];
        Deal[] deals = [.. Deals];
        CustomerRecord[] customers = [.. Customers];
        random.Shuffle(journeys);
        random.Shuffle(deals);
        random.Shuffle(customers);
        return (journeys, deals, customers);
    }

    private static List<LeadJourney> MakeJourneys(int seed, int size)
    {
        var random = new Random(seed);
        var result = new List<LeadJourney>(size);
        for (var i = 0; i < size; i++)
        {
            var created = Funnel.T0.AddMinutes(random.Next(0, 90 * 24 * 60));
            var changes = new List<StageChange>();
            var from = FunnelStage.Lead;
            var at = created;
            var steps = random.Next(0, 5);
            var index = 0;
            for (var s = 0; s < steps && index < Forward.Length; s++)
            {
                index += random.Next(0, 2); // sometimes skip a stage
                var to = index < Forward.Length && random.Next(6) > 0 ? Forward[Math.Min(index, Forward.Length - 1)] : FunnelStage.Lost;
                at = at.AddMinutes(random.Next(0, 30 * 24 * 60));
                changes.Add(new StageChange { From = from, To = to, Trigger = Funnel.Move, OccurredAt = at });
                if (to == FunnelStage.Lost || to == FunnelStage.Customer)
                {
                    break;
                }

                from = to;
                index++;
            }

            DateTimeOffset? touch = random.Next(4) == 0 ? null : created.AddMinutes(random.Next(0, 3 * 60));
            var owner = Owners[random.Next(Owners.Length)];

            // Assigned after creation and no later than the touch, so response time from assignment is never negative.
            DateTimeOffset? assigned = owner is null || random.Next(5) == 0 ? null : created.AddMinutes(random.Next(0, 1 + (int)((touch ?? created.AddHours(3)) - created).TotalMinutes));
            result.Add(new LeadJourney(new LeadId($"L{i}"), Sources[random.Next(Sources.Length)], created, changes, owner is null ? null : new SalesRepId(owner), FunnelStage.Lead, assigned, touch));
        }

        return result;
    }

    private static List<Deal> MakeDeals(int seed, IReadOnlyList<LeadJourney> journeys)
    {
        var size = journeys.Count;
        var random = new Random(seed ^ 0x5bd1e995);
        var result = new List<Deal>(size);
        for (var i = 0; i < size; i++)
        {
            // Half of the deals come from a lead and open after it was created.
            var lead = size > 0 && random.Next(2) == 0 ? journeys[random.Next(size)] : null;
            var opened = (lead?.CreatedAt ?? Funnel.T0).AddMinutes(random.Next(0, 120 * 24 * 60));
            var status = (DealStatus)random.Next(3);
            DateTimeOffset? closed = status == DealStatus.Open ? null : opened.AddMinutes(random.Next(0, 60 * 24 * 60));
            var owner = Owners[random.Next(Owners.Length)];
            var amount = random.Next(0, 100_000) / 100m;
            result.Add(new Deal(
                new DealId($"D{i}"),
                new Money(amount, Currencies[random.Next(Currencies.Length)]),
                opened,
                status,
                closed,
                lead?.Id,
                owner is null ? null : new SalesRepId(owner)));
        }

        return result;
    }

    private static List<CustomerRecord> MakeCustomers(int seed, int size)
    {
        var random = new Random(seed ^ 0x1b873593);
        var result = new List<CustomerRecord>(size);
        for (var i = 0; i < size; i++)
        {
            var acquired = Funnel.T0.AddMinutes(random.Next(0, 365 * 24 * 60));
            DateTimeOffset? churned = random.Next(3) == 0 ? acquired.AddMinutes(random.Next(0, 200 * 24 * 60)) : null;
            result.Add(new CustomerRecord(new AccountId($"C{i}"), acquired, churned));
        }

        return result;
    }
}
