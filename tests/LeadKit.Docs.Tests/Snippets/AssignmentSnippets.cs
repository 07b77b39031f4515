using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing;
using LeadKit.Routing.Json;
using LeadKit.Funnel.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadKit.Docs.Tests.Snippets;

#region assignment-plugin-step
/// <summary>Sends website-chat leads to the rep on chat duty; every other lead passes to the next step.</summary>
public sealed class ChatDutyStep(SalesRepId onDuty) : IRoutingStrategy
{
    public string Name => "chat-duty";

    public RoutingDecision Assign(in RoutingContext context)   // lead, asOf, optional explanation
        => context.Lead.Source == LeadSource.LiveChat
            ? RoutingDecision.Assigned(onDuty, Name)
            : RoutingDecision.Unassigned(UnassignedReason.NotApplicable);
}
#endregion

/// <summary>The application's CRM: which rep owns which customer account.</summary>
public sealed class CrmAccountOwners : IAccountOwnerDirectory
{
    public bool TryGetOwner(AccountId account, out SalesRepId owner)
    {
        owner = new SalesRepId("ines");
        return account == new AccountId("acme");
    }
}

/// <summary>The code of docs/assignment.md, run as tests.</summary>
public sealed class AssignmentSnippets
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
    public void PluginStep_ChatLead_GoesToTheRepOnDutyOthersPassOn()
    {
        var plan = new RoutingPlanBuilder(new AssignmentState())
            .AddReps(Reps)
            .AddStep(_ => new ChatDutyStep(new SalesRepId("ivo")))
            .AddAllReps(RepSelection.RoundRobin)
            .Build();

        var chat = plan.Assign(GermanLead("L-1") with { Source = LeadSource.LiveChat }, Now);
        var form = plan.Assign(GermanLead("L-2"), Now);

        Assert.Equal((new SalesRepId("ivo"), "chat-duty"), (chat.RepId, chat.DecidedBy));
        Assert.Equal("all-reps", form.DecidedBy);
    }

    [Fact]
    public void QuickStart_DachLeadAndCustomer_RoutedAndExplained()
    {
        var reps = Reps;
        var crmAccountOwners = new CrmAccountOwners();
        var timeProvider = new FakeTimeProvider(Now);
        var now = Now;
        var lead = GermanLead("L-3");

        #region assignment-quick-start
        var state = new AssignmentState();                       // counts, loads, rotation: persist it with ToJson()
        var plan = new RoutingPlanBuilder(state)
            .AddReps(reps)                                       // SalesRep: territories, languages, weight, capacity, availability
            .AddTeam(new SalesTeamId("dach"), new SalesRepId("hans"), new SalesRepId("greta"))
            .AddTeam(new SalesTeamId("inbound"), new SalesRepId("ines"), new SalesRepId("ivo"))
            .AddAccountOwnership(crmAccountOwners)               // existing customers go to their account owner
            .AddTerritoryRules([
                new TerritoryRule { Name = "dach", Team = new("dach"), Countries = [new("DE"), new("AT"), new("CH")],
                                    Selection = RepSelection.WeightedRoundRobin },
            ])
            .AddTeamStep(new SalesTeamId("inbound"), RepSelection.LoadBalancing)
            .Build();                                            // validates everything, reports all problems at once

        var result = plan.Assign(lead, timeProvider.GetUtcNow());
        if (result.IsAssigned) { Console.WriteLine($"{result.RepId} by {result.DecidedBy}"); }   // e.g. "hans by territory-rules" for a German lead
        else { Console.WriteLine($"{result.Reason}, queued in {result.Queue}"); }

        // Why? Ask for an explanation (costs allocations only when asked for):
        var explanation = new RoutingExplanation();
        plan.Assign(new RoutingContext(lead, now, explanation));
        Console.WriteLine(explanation);   // each step's conclusion, then "skipped rep 1 of 1 in territory-rules: OutOfOffice"
        foreach (var skipped in explanation.Skipped) { Console.WriteLine($"{skipped.RepId}: {skipped.Reason}"); }   // greta: OutOfOffice
        #endregion

        Assert.Equal((new SalesRepId("hans"), "territory-rules"), (result.RepId, result.DecidedBy));
        Assert.Contains("skipped rep 1 of 1 in territory-rules: OutOfOffice", explanation.ToString(), StringComparison.Ordinal);
        Assert.Contains(new SkippedRep(new SalesRepId("greta"), "territory-rules", RepSkipReason.OutOfOffice), explanation.Skipped);
        var customer = plan.Assign(lead with { AccountId = new AccountId("acme") }, now);
        Assert.Equal((new SalesRepId("ines"), "account-ownership"), (customer.RepId, customer.DecidedBy));
        var french = plan.Assign(GermanLead("L-4") with { Company = new CompanyInfo { Name = "Exemple SA", Country = new CountryCode("FR") } }, now);
        Assert.Equal("team:inbound", french.DecidedBy);
    }

    [Fact]
    public void PlansInJson_TheDocumentedPlan_LoadsAndReplacesThePlanInUse()
    {
        var json = DocumentedPlan();
        var state = new AssignmentState();
        var reps = Reps;
        var crmAccountOwners = new CrmAccountOwners();
        var provider = new RoutingPlanProvider(new RoutingPlanBuilder(state).AddReps(reps).AddAllReps(RepSelection.RoundRobin).Build());

        #region assignment-load-json
        var builder = new RoutingPlanBuilder(state).AddReps(reps);          // reps come from your application
        RoutingPlanLoadResult loaded = RoutingPlanJson.Load(json, builder, crmAccountOwners);
        if (!provider.TryReplace(loaded)) { foreach (var e in loaded.Errors) Console.WriteLine($"{e.Path}: {e.Message}"); }
        #endregion

        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Errors));
        Assert.Equal("emea-inbound", provider.Current.Name);
        Assert.Equal("inbound-triage", provider.Current.DefaultQueue);
        var dach = provider.Current.Assign(GermanLead("L-5"), Now);
        Assert.Equal((new SalesRepId("hans"), "territory-rules"), (dach.RepId, dach.DecidedBy));
    }

    [Fact]
    public void PlansInJson_UnknownTeam_RejectedWithItsPathAndThePlanInUseStays()
    {
        var json = DocumentedPlan().Replace("\"team\": \"inbound\" }", "\"team\": \"apac\" }", StringComparison.Ordinal);
        var state = new AssignmentState();
        var inUse = new RoutingPlanBuilder(state).AddReps(Reps).AddAllReps(RepSelection.RoundRobin).Build();
        var provider = new RoutingPlanProvider(inUse);

        var loaded = RoutingPlanJson.Load(json, new RoutingPlanBuilder(state).AddReps(Reps), new CrmAccountOwners());

        Assert.False(provider.TryReplace(loaded));
        Assert.Same(inUse, provider.Current);
        Assert.Equal("$.steps[1].rules[1].team: Unknown team: no team with this id is defined in the plan.", Assert.Single(loaded.Errors).ToString());
    }

    [Fact]
    public void DependencyInjection_PlanFromCode_AssignsThroughTheStrategy()
    {
        var services = new ServiceCollection();
        var reps = Reps;

        #region assignment-di
        services.AddSingleton<IAccountOwnerDirectory, CrmAccountOwners>();   // optional, for JSON accountOwnership steps
        services.AddLeadKitRouting(o => o.ConfigurePlan = b => b.AddReps(reps).AddAllReps(RepSelection.RoundRobin));
        // or: o.PlanJson = File.ReadAllText("routing.json"); foreach (var r in reps) o.Reps.Add(r);
        #endregion

        using var provider = services.BuildServiceProvider();
        var result = provider.GetRequiredService<IRoutingStrategy>().Assign(new RoutingContext(GermanLead("L-6"), Now));
        Assert.Equal((new SalesRepId("hans"), "all-reps"), (result.RepId, result.DecidedBy));
    }

    [Fact]
    public void DependencyInjection_PlanFromJson_UsesTheAccountOwnerDirectory()
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

        using var provider = services.BuildServiceProvider();
        var lead = GermanLead("L-7") with { AccountId = new AccountId("acme") };
        var result = provider.GetRequiredService<IRoutingStrategy>().Assign(new RoutingContext(lead, Now));
        Assert.Equal((new SalesRepId("ines"), "account-ownership"), (result.RepId, result.DecidedBy));
    }

    /// <summary>The routing plan that docs/assignment.md shows under "Plans in JSON".</summary>
    private static string DocumentedPlan()
        => Assert.Single(DocFiles.Blocks(Path.Combine(DocFiles.Root, "docs", "assignment.md"), "json"), b => b.LineAbove == "<!-- routing-plan -->").Code;
}
