using System.Collections.Immutable;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing.Ledger;
using LeadKit.Testing;

namespace LeadKit.Routing.Tests;

/// <summary>Test helpers that read like a sales manager setting up a team.</summary>
internal static class Routing
{
    /// <summary>Monday 2026-06-01 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = LeadBuilder.Now;

    public static SalesRepId Id(string id) => new(id);

    public static SalesRep Rep(
        string id,
        int weight = 1,
        int? maxOpen = null,
        int? maxPerPeriod = null,
        bool active = true,
        RepAvailability? availability = null) => new()
        {
            Id = new SalesRepId(id),
            Name = $"Rep {id}",
            Weight = weight,
            MaxOpenLeads = maxOpen,
            MaxNewLeadsPerPeriod = maxPerPeriod,
            IsActive = active,
            Availability = availability ?? RepAvailability.Always,
        };

    public static RepAvailability OutOfOfficeAround(DateTimeOffset moment)
        => new() { OutOfOffice = [new OutOfOfficePeriod(moment.AddDays(-1), moment.AddDays(1))] };

    public static Lead AnyLead() => LeadBuilder.New().Build();

    /// <summary>Builds a plan and routes with it over <paramref name="ledger"/> (decide, then record).</summary>
    public static RoutedPlan Plan(TestLedger ledger, Action<RoutingPlanBuilder> configure)
    {
        var builder = new RoutingPlanBuilder();
        configure(builder);
        return new RoutedPlan(builder.Build(), ledger);
    }

    /// <summary>A plan with one team "t" of the given reps and one team step with the selection.</summary>
    public static RoutedPlan TeamPlan(TestLedger ledger, RepSelection selection, params SalesRep[] reps)
        => Plan(ledger, b => b.AddReps(reps).AddTeam(new SalesTeamId("t"), reps.Select(r => r.Id)).AddTeamStep(new SalesTeamId("t"), selection));

    /// <summary>Decides with a single step over an empty ledger (nothing recorded).</summary>
    public static RoutingDecision Decide(this IRoutingStrategy strategy, Lead lead, SalesRepId? accountOwner = null)
        => strategy.Decide(new RoutingContext(lead, Now, RoutingLedgerSnapshot.Empty) { AccountOwner = accountOwner });

    public static SkippedRep Skipped(SalesRepId rep, string step, RepSkipReason reason) => new() { RepId = rep, Step = step, Reason = reason };

    public static RepCounters Counters(long assigned, int open, DateOnly? periodStart, int assignedInPeriod)
        => new() { Assigned = assigned, Open = open, PeriodStart = periodStart, AssignedInPeriod = assignedInPeriod };

    /// <summary>What a decision says (rep, step, reason, queue), without the ledger change it carries.</summary>
    public static (SalesRepId Rep, string? DecidedBy, UnassignedReason Reason, string? Queue) Outcome(RoutingDecision decision)
        => (decision.RepId, decision.DecidedBy, decision.Reason, decision.Queue);

    /// <summary>The field's value is one of <paramref name="values"/> (text ordinal ignoring case).</summary>
    public static FieldCondition In(LeadField field, params string[] values) => FieldCondition.Create(field, FieldOperator.In, [.. values]);

    /// <summary>The company has <paramref name="min"/> to <paramref name="max"/> employees.</summary>
    public static FieldCondition Employees(double min, double max = int.MaxValue) => FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.Between, [], min, max);

    public static ImmutableArray<T> Items<T>(params T[] items) => [.. items];
}

/// <summary>An in-memory ledger with the synchronous reads and updates the tests use.</summary>
internal sealed class TestLedger(RoutingLedgerSnapshot? initial = null)
{
    public InMemoryRoutingLedgerStore Store { get; } = new(initial);

    public long TotalAssigned => Store.Current.TotalAssigned;

    public static TestLedger FromJson(string json) => new(RoutingLedgerJson.Read(json));

    public static TestLedger FromJson(byte[] utf8) => new(RoutingLedgerJson.Read(utf8));

    public RepCounters GetCounters(SalesRepId repId) => Store.Current.GetCounters(repId);

    public void ReleaseLead(SalesRepId repId) => Store.ReleaseLeadAsync(repId).GetAwaiter().GetResult();

    public void SetOpenLeads(SalesRepId repId, int open) => Store.SetOpenLeadsAsync(repId, open).GetAwaiter().GetResult();

    public string ToJson() => RoutingLedgerJson.Write(Store.Current);
}

/// <summary>A plan routing over a test ledger through a <see cref="LeadRouter"/>: each assignment is recorded.</summary>
internal sealed class RoutedPlan(RoutingPlanProvider plans, TestLedger ledger)
{
    private readonly LeadRouter _router = new(plans, ledger.Store);

    public RoutedPlan(RoutingPlan plan, TestLedger ledger)
        : this(new RoutingPlanProvider(plan), ledger)
    {
    }

    public RoutingPlan Plan => plans.Current;

    public TestLedger Ledger { get; } = ledger;

    public IReadOnlyList<IRoutingStrategy> Steps => Plan.Steps;

    public RoutingDecision Route(Lead lead, DateTimeOffset at, RoutingExplanation? explanation = null)
        => _router.RouteAsync(lead, at, explanation).AsTask().GetAwaiter().GetResult();

    public string? RouteTo(Lead? lead = null, DateTimeOffset? at = null)
    {
        var result = Route(lead ?? Routing.AnyLead(), at ?? Routing.Now);
        return result.IsAssigned ? result.RepId.Value : null;
    }

    /// <summary>Assigns <paramref name="count"/> fresh leads and returns who got each ("-" for nobody).</summary>
    public string[] Take(int count)
    {
        var chosen = new string[count];
        for (var i = 0; i < count; i++)
        {
            chosen[i] = RouteTo() ?? "-";
        }

        return chosen;
    }

    public (RoutingDecision Result, RoutingExplanation Explanation) Explain(Lead lead, DateTimeOffset? at = null)
    {
        var explanation = new RoutingExplanation();
        var result = Route(lead, at ?? Routing.Now, explanation);
        return (result, explanation);
    }
}
