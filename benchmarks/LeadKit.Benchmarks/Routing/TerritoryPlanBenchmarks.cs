using BenchmarkDotNet.Attributes;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing;

namespace LeadKit.Benchmarks.Routing;

/// <summary>
/// One assignment through a realistic plan: 50 reps in 5 teams (time zones and working hours, open-lead and
/// monthly capacity), account ownership, then 20 territory rules on country, region, industry, size, source,
/// language and product, and a round-robin fallback. The lead matches rule 19 of 20. Target: at most 1 µs and
/// 0 bytes without an explanation.
/// </summary>
[MemoryDiagnoser]
public class TerritoryPlanBenchmarks
{
    private static readonly string[] Zones = ["Europe/Berlin", "America/Sao_Paulo", "America/New_York", "Asia/Tokyo", "UTC"];
    private static readonly string[] Countries = ["DE", "BR", "US", "JP", "FR", "AT", "CH", "PT", "ES", "IT"];
    private RoutingPlan _plan = null!;
    private Lead _lead = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        _lead = new Lead
        {
            Id = new LeadId("bench-1"),
            CreatedAt = _now.AddDays(-1),
            Source = LeadSource.Webinar,
            AccountId = new AccountId("prospect-without-owner"),
            Contact = new ContactInfo { Language = "pt" },
            Company = new CompanyInfo { Country = new CountryCode("PT"), Region = "Lisboa", Industry = "retail", EmployeeCount = 800 },
            CustomFields = [new CustomField(new CustomFieldKey("product"), CustomFieldValue.FromText("crm-pro"))],
        };

        var builder = new RoutingPlanBuilder();
        var reps = new SalesRep[50];
        for (var i = 0; i < reps.Length; i++)
        {
            reps[i] = new SalesRep
            {
                Id = new SalesRepId($"rep-{i}"),
                Name = $"Rep {i}",
                Weight = 1 + (i % 3),
                MaxOpenLeads = int.MaxValue,
                MaxNewLeadsPerPeriod = int.MaxValue,
                Availability = new RepAvailability
                {
                    TimeZoneId = Zones[i % Zones.Length],
                    WorkingHours = [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingHoursWindow(d, TimeOnly.MinValue, TimeOnly.MaxValue))],
                },
            };
        }

        builder.AddReps(reps);
        for (var t = 0; t < 5; t++)
        {
            builder.AddTeam(new SalesTeamId($"team-{t}"), reps.Skip(t * 10).Take(10).Select(r => r.Id));
        }

        var rules = new List<TerritoryRule>();
        for (var r = 0; r < 18; r++)
        {
            var conditions = new List<FieldCondition> { FieldCondition.Create(LeadField.Country, FieldOperator.In, [Countries[r % Countries.Length], Countries[(r + 3) % Countries.Length]]) };
            if (r % 2 == 0)
            {
                conditions.Add(FieldCondition.Create(LeadField.Industry, FieldOperator.In, ["software", "manufacturing"]));
            }

            if (r % 3 == 0)
            {
                conditions.Add(FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.AtLeast, [], 1000));
            }

            if (r % 4 == 0)
            {
                conditions.Add(FieldCondition.Create(LeadField.Source, FieldOperator.In, [LeadSource.Referral.Value!, LeadSource.TradeFair.Value!]));
            }

            rules.Add(new TerritoryRule { Name = $"rule-{r}", Team = new SalesTeamId($"team-{r % 5}"), When = FieldCondition.All([.. conditions]) });
        }

        rules.Add(new TerritoryRule
        {
            Name = "iberia-retail-pt",
            Team = new SalesTeamId("team-2"),
            Selection = RepSelection.WeightedRoundRobin,
            When = FieldCondition.All(
                FieldCondition.Create(LeadField.Country, FieldOperator.In, ["PT", "ES"]),
                FieldCondition.Create(LeadField.Region, FieldOperator.In, ["Lisboa", "Porto", "Madrid"]),
                FieldCondition.Create(LeadField.Industry, FieldOperator.In, ["retail"]),
                FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.Between, [], 200, 5000),
                FieldCondition.Create(LeadField.Source, FieldOperator.In, [LeadSource.Webinar.Value!, LeadSource.WebsiteForm.Value!]),
                FieldCondition.Create(LeadField.Language, FieldOperator.In, ["pt", "es"]),
                FieldCondition.Custom(new CustomFieldKey("product"), FieldOperator.In, ["crm-pro"])),
        });
        rules.Add(new TerritoryRule { Name = "catch-all", Team = new SalesTeamId("team-4") });

        _plan = builder
            .AddAccountOwnership(new NoOwners())
            .AddTerritoryRules(rules)
            .AddAllReps(RepSelection.RoundRobin)
            .Build();
    }

    [Benchmark(Baseline = true, Description = "territory plan, 50 reps, 20 rules")]
    public RoutingDecision Assign() => _plan.Decide(new RoutingContext(_lead, _now, RoutingLedgerSnapshot.Empty));

    [Benchmark(Description = "same, with explanation")]
    public RoutingDecision AssignExplained() => _plan.Decide(new RoutingContext(_lead, _now, RoutingLedgerSnapshot.Empty, new RoutingExplanation()));

    private sealed class NoOwners : IAccountOwnerDirectory
    {
        public ValueTask<SalesRepId?> GetOwnerAsync(AccountId account, CancellationToken cancellationToken = default) => new((SalesRepId?)null);
    }
}
