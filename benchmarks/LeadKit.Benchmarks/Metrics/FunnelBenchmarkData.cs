using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Benchmarks.Metrics;

/// <summary>
/// Deterministic (seeded) funnel data: journeys of ~5 stage changes over two years from 20 sources and 200 reps,
/// deals in three currencies, some linked to journeys, and customer records for retention.
/// </summary>
public sealed class FunnelBenchmarkData
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FunnelTrigger Move = new("move");

    public FunnelBenchmarkData(int journeyCount, int dealCount, int customerCount, int seed)
    {
        var random = new Random(seed);
        LeadSource[] sources = [.. Enumerable.Range(0, 20).Select(i => new LeadSource($"source_{i:D2}"))];
        SalesRepId[] reps = [.. Enumerable.Range(0, 200).Select(i => new SalesRepId($"rep-{i:D3}"))];
        CurrencyCode[] currencies = [CurrencyCode.Eur, CurrencyCode.Usd, CurrencyCode.Brl];
        var journeys = new LeadJourney[journeyCount];
        var changes = new List<StageChange>(16);
        long changeCount = 0;
        for (var i = 0; i < journeyCount; i++)
        {
            var created = Start.AddMinutes(random.Next(0, 730 * 24 * 60));
            var at = created;
            changes.Clear();
            var stage = FunnelStage.Lead;
            void MoveTo(FunnelStage to)
            {
                at = at.AddMinutes(random.Next(1, 10 * 24 * 60));
                changes.Add(new StageChange { From = stage, To = to, Trigger = Move, OccurredAt = at });
                stage = to;
            }

            MoveTo(FunnelStage.Mql);
            var loops = random.Next(4) switch { 0 => 0, 1 => 1, _ => 2 };
            for (var l = 0; l < loops; l++)
            {
                MoveTo(FunnelStage.Nurture);
                MoveTo(FunnelStage.Mql);
            }

            if (random.Next(10) < 7)
            {
                MoveTo(FunnelStage.Sql);
                if (random.Next(10) < 7)
                {
                    MoveTo(FunnelStage.Opportunity);
                    MoveTo(random.Next(20) < 9 ? FunnelStage.Customer : FunnelStage.Lost);
                }
            }
            else
            {
                MoveTo(FunnelStage.Disqualified);
            }

            changeCount += changes.Count;
            DateTimeOffset? touch = random.Next(5) == 0 ? null : created.AddMinutes(random.Next(0, 48 * 60));
            SalesRepId? owner = random.Next(10) == 0 ? null : reps[random.Next(reps.Length)];
            journeys[i] = new LeadJourney(new LeadId($"lead-{i:D7}"), sources[random.Next(sources.Length)], created, changes, owner, FunnelStage.Lead, firstTouchAt: touch);
        }

        var deals = new Deal[dealCount];
        for (var d = 0; d < dealCount; d++)
        {
            var lead = random.Next(2) == 0 ? journeys[random.Next(journeyCount)] : null;
            var opened = (lead?.CreatedAt ?? Start).AddMinutes(random.Next(0, 700 * 24 * 60));
            var roll = random.Next(10);
            var status = roll < 3 ? DealStatus.Won : roll < 7 ? DealStatus.Lost : DealStatus.Open;
            DateTimeOffset? closed = status == DealStatus.Open ? null : opened.AddMinutes(random.Next(60, 120 * 24 * 60));
            var currency = currencies[random.Next(20) switch { < 14 => 0, < 19 => 1, _ => 2 }];
            var amount = random.Next(100, 5_000_000) / 100m;
            deals[d] = new Deal(new DealId($"deal-{d:D7}"), new Money(amount, currency), opened, status, closed, lead?.Id, random.Next(10) == 0 ? null : reps[random.Next(reps.Length)]);
        }

        var customers = new CustomerRecord[customerCount];
        for (var c = 0; c < customerCount; c++)
        {
            var acquired = Start.AddMinutes(random.Next(0, 730 * 24 * 60));
            DateTimeOffset? churned = random.Next(3) == 0 ? acquired.AddMinutes(random.Next(0, 365 * 24 * 60)) : null;
            customers[c] = new CustomerRecord(new AccountId($"acct-{c:D7}"), acquired, churned);
        }

        Journeys = journeys;
        Deals = deals;
        Customers = customers;
        StageChanges = changeCount;
    }

    public IReadOnlyList<LeadJourney> Journeys { get; }

    public IReadOnlyList<Deal> Deals { get; }

    public IReadOnlyList<CustomerRecord> Customers { get; }

    public long StageChanges { get; }
}
