using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing;
using LeadKit.Routing.Json;
using LeadKit.Routing.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace LeadKit.Docs.Tests.Snippets;

#region routing-plugin-step
/// <summary>Sends website-chat leads to the rep on chat duty; every other lead passes to the next step.</summary>
public sealed class ChatDutyStep(SalesRepId onDuty) : IRoutingStrategy
{
    public string Name => "chat-duty";

    public RoutingDecision Decide(in RoutingContext context)   // lead, asOf, ledger snapshot, optional explanation
        => context.Lead.Source == LeadSource.LiveChat
            ? RoutingDecision.Assigned(onDuty, Name)
            : RoutingDecision.Unassigned(UnassignedReason.NotApplicable);
}
#endregion

/// <summary>The application's CRM: which rep owns which customer account.</summary>
public sealed class CrmAccountOwners : IAccountOwnerDirectory
{
    public ValueTask<SalesRepId?> GetOwnerAsync(AccountId account, CancellationToken cancellationToken = default)
        => new(account == new AccountId("acme") ? new SalesRepId("ines") : null);
}

/// <summary>The code of docs/routing.md, run as tests.</summary>
public sealed class RoutingSnippets
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // Greta is on holiday, so DACH leads go to Hans and the explanation says why Greta was skipped.
    private static readonly SalesRep[] Reps =
    [
        new() { Id = new SalesRepId("hans"), Name = "Hans", Weight = 2 },
        new()
        {
            Id = new SalesRepId("greta"),
            Name = "Greta",
            Availability = new RepAvailability { TimeZoneId = "Europe/Berlin", OutOfOffice = [new OutOfOfficePeriod(Now.AddDays(-1), Now.AddDays(6))] },
        },
        new() { Id = new SalesRepId("ines"), Name = "Ines", MaxOpenLeads = 40 },
        new() { Id = new SalesRepId("ivo"), Name = "Ivo", MaxOpenLeads = 40 },
    ];

    private static Lead GermanLead(string id) => new()
    {
        Id = new LeadId(id),
        CreatedAt = Now,
        Source = LeadSource.WebsiteForm,
        Company = new CompanyInfo { Name = "Beispiel GmbH", Country = new CountryCode("DE"), EmployeeCount = 800 },
    };

    [Fact]
    public async Task PluginStep_ChatLead_GoesToTheRepOnDutyOthersPassOn()
    {
        var plan = new RoutingPlanBuilder()
            .AddReps(Reps)
            .AddStep(_ => new ChatDutyStep(new SalesRepId("ivo")))
            .AddAllReps(RepSelection.RoundRobin)
            .Build();
        var router = new LeadRouter(new RoutingPlanProvider(plan), new InMemoryRoutingLedgerStore());

        var chat = await router.RouteAsync(GermanLead("L-1") with { Source = LeadSource.LiveChat }, Now);
        var form = await router.RouteAsync(GermanLead("L-2"), Now);

        Assert.Equal((new SalesRepId("ivo"), "chat-duty"), (chat.RepId, chat.DecidedBy));
        Assert.Equal("all-reps", form.DecidedBy);
    }

    [Fact]
    public async Task QuickStart_DachLeadAndCustomer_RoutedAndExplained()
    {
        var reps = Reps;
        var crmAccountOwners = new CrmAccountOwners();
        var now = Now;
        var lead = GermanLead("L-3");

        #region routing-quick-start
        var plan = new RoutingPlanBuilder()
            .AddReps(reps)                                       // SalesRep: territories, languages, weight, capacity, availability
            .AddTeam(new SalesTeamId("dach"), new SalesRepId("hans"), new SalesRepId("greta"))
            .AddTeam(new SalesTeamId("inbound"), new SalesRepId("ines"), new SalesRepId("ivo"))
            .AddAccountOwnership(crmAccountOwners)               // existing customers go to their account owner
            .AddTerritoryRules([
                new TerritoryRule
                {
                    Name = "dach", Team = new("dach"), Selection = RepSelection.WeightedRoundRobin,
                    When = FieldCondition.Create(LeadField.Country, FieldOperator.In, ["DE", "AT", "CH"]),   // scoring's condition vocabulary
                },
            ])
            .AddTeamStep(new SalesTeamId("inbound"), RepSelection.LoadBalancing)
            .Build();                                            // validates everything: ConfigurationException lists every problem

        // Deciding reads a ledger snapshot; recording writes the change with a version check (re-decided on a conflict).
        var ledger = new InMemoryRoutingLedgerStore();           // or your database's IRoutingLedgerStore
        var router = new LeadRouter(new RoutingPlanProvider(plan), ledger);

        var result = await router.RouteAsync(lead, now);
        if (result.IsAssigned) { Console.WriteLine($"{result.RepId} by {result.DecidedBy}"); }   // "hans by territory-rules"
        else { Console.WriteLine($"{result.Reason}, queued in {result.Queue}"); }

        // Why? Decide again from the ledger with an explanation (no recording, allocations only when asked for):
        var explanation = new RoutingExplanation();
        await plan.DecideAsync(lead, now, await ledger.ReadAsync(), explanation);
        Console.WriteLine(explanation);   // each step's conclusion, then "skipped rep 1 of 1 in territory-rules: OutOfOffice"
        foreach (var skipped in explanation.Skipped) { Console.WriteLine($"{skipped.RepId}: {skipped.Reason}"); }   // greta: OutOfOffice
        #endregion

        Assert.Equal((new SalesRepId("hans"), "territory-rules"), (result.RepId, result.DecidedBy));
        Assert.Contains("skipped rep 1 of 1 in territory-rules: OutOfOffice", explanation.ToString(), StringComparison.Ordinal);
        Assert.Contains(explanation.Skipped, s => s.RepId == new SalesRepId("greta") && s.Reason == RepSkipReason.OutOfOffice);
        Assert.Equal(1, ledger.Current.GetCounters(new SalesRepId("hans")).Open);
        var customer = await router.RouteAsync(lead with { AccountId = new AccountId("acme") }, now);
        Assert.Equal((new SalesRepId("ines"), "account-ownership"), (customer.RepId, customer.DecidedBy));
        var french = await router.RouteAsync(GermanLead("L-4") with { Company = new CompanyInfo { Name = "Exemple SA", Country = new CountryCode("FR") } }, now);
        Assert.Equal("team:inbound", french.DecidedBy);
    }

    [Fact]
    public async Task PlansInJson_TheDocumentedPlan_LoadsAndReplacesThePlanInUse()
    {
        var json = DocumentedPlan();
        var reps = Reps;
        var crmAccountOwners = new CrmAccountOwners();
        using var provider = new RoutingPlanProvider(new RoutingPlanBuilder().AddReps(reps).AddAllReps(RepSelection.RoundRobin).Build());

        #region routing-load-json
        var builder = new RoutingPlanBuilder().AddReps(reps);          // reps come from your application
        RoutingPlanLoadResult loaded = RoutingPlanJson.Load(json, builder, crmAccountOwners);
        if (!provider.TryReplace(loaded))                               // a plan with problems never replaces the one in use
        {
            foreach (var p in loaded.Problems) { Console.WriteLine(p); }   // "$.steps[1].rules[1].team: names no team defined in the plan [unknown-reference]"
        }
        #endregion

        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
        Assert.Equal("emea-inbound", provider.Current.Name);
        Assert.Equal("inbound-triage", provider.Current.DefaultQueue);
        var router = new LeadRouter(provider, new InMemoryRoutingLedgerStore());
        var dach = await router.RouteAsync(GermanLead("L-5"), Now);
        Assert.Equal((new SalesRepId("hans"), "territory-rules"), (dach.RepId, dach.DecidedBy));
    }

    [Fact]
    public void PlansInJson_UnknownTeam_RejectedWithItsPathAndThePlanInUseStays()
    {
        var json = DocumentedPlan().Replace("\"team\": \"inbound\" }", "\"team\": \"apac\" }", StringComparison.Ordinal);
        var inUse = new RoutingPlanBuilder().AddReps(Reps).AddAllReps(RepSelection.RoundRobin).Build();
        using var provider = new RoutingPlanProvider(inUse);

        var loaded = RoutingPlanJson.Load(json, new RoutingPlanBuilder().AddReps(Reps), new CrmAccountOwners());

        Assert.False(provider.TryReplace(loaded));
        Assert.Same(inUse, provider.Current);
        Assert.Equal("$.steps[1].rules[1].team: names no team defined in the plan [unknown-reference]", Assert.Single(loaded.Problems).ToString());
        Assert.Equal(ConfigurationProblemCodes.UnknownReference, provider.Status.LastRejection!.Problems[0].Code);
    }

    [Fact]
    public async Task DependencyInjection_PlanFromCode_RoutesAndReportsStatus()
    {
        var services = new ServiceCollection();
        var reps = Reps;

        #region routing-di
        services.AddSingleton<IAccountOwnerDirectory, CrmAccountOwners>();   // optional, for JSON accountOwnership steps
        services.AddLeadKitRouting(o => o.ConfigurePlan = b => b.AddReps(reps).AddAllReps(RepSelection.RoundRobin));
        // or: o.PlanJson = File.ReadAllText("routing.json"); foreach (var r in reps) o.Reps.Add(r);
        // more routings: services.AddLeadKitRouting("apac", o => ...) and [FromKeyedServices("apac")] LeadRouter
        #endregion

        await using var provider = services.BuildServiceProvider();
        var result = await provider.GetRequiredService<LeadRouter>().RouteAsync(GermanLead("L-6"), Now);
        Assert.Equal((new SalesRepId("hans"), "all-reps"), (result.RepId, result.DecidedBy));
        Assert.Equal(1, provider.GetRequiredService<RoutingPlanProvider>().Status.Version);
    }

    [Fact]
    public async Task DependencyInjection_PlanFromJson_UsesTheAccountOwnerDirectory()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAccountOwnerDirectory, CrmAccountOwners>();
        services.AddLeadKitRouting(o =>
        {
            o.PlanJson = DocumentedPlan();
            foreach (var r in Reps)
            {
                o.Reps.Add(r);
            }
        });

        await using var provider = services.BuildServiceProvider();
        var plans = provider.GetRequiredService<RoutingPlanProvider>();

        #region routing-reload-status
        plans.Rejected += (_, e) => Console.WriteLine($"routing plan '{e.Name}' refused: {string.Join("; ", e.Rejection.Problems)}");
        Console.WriteLine($"plan v{plans.Status.Version} in use since {plans.Status.LoadedAt}; last refusal: {plans.Status.LastRejection?.At}");
        #endregion

        var lead = GermanLead("L-7") with { AccountId = new AccountId("acme") };
        var result = await provider.GetRequiredService<LeadRouter>().RouteAsync(lead, Now);
        Assert.Equal((new SalesRepId("ines"), "account-ownership"), (result.RepId, result.DecidedBy));
    }

    /// <summary>The routing plan that docs/routing.md shows under "Plans in JSON".</summary>
    private static string DocumentedPlan()
        => Assert.Single(DocFiles.Blocks(Path.Combine(DocFiles.Root, "docs", "routing.md"), "json"), b => b.LineAbove == "<!-- routing-plan -->").Code;
}
