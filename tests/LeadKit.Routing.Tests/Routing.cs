using System.Collections.Immutable;
using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing;
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

    public static RoutingPlan Plan(AssignmentState state, Action<RoutingPlanBuilder> configure)
    {
        var builder = new RoutingPlanBuilder(state);
        configure(builder);
        return builder.Build();
    }

    /// <summary>A plan with one team "t" of the given reps and one team step with the selection.</summary>
    public static RoutingPlan TeamPlan(AssignmentState state, RepSelection selection, params SalesRep[] reps)
        => Plan(state, b => b.AddReps(reps).AddTeam(new SalesTeamId("t"), reps.Select(r => r.Id)).AddTeamStep(new SalesTeamId("t"), selection));

    public static string? AssignTo(this IRoutingStrategy strategy, Lead? lead = null, DateTimeOffset? at = null)
    {
        var result = strategy.Assign(new RoutingContext(lead ?? AnyLead(), at ?? Now));
        return result.IsAssigned ? result.RepId.Value : null;
    }

    /// <summary>Assigns <paramref name="count"/> fresh leads and returns who got each ("-" for nobody).</summary>
    public static string[] Take(this IRoutingStrategy strategy, int count)
    {
        var chosen = new string[count];
        for (var i = 0; i < count; i++)
        {
            chosen[i] = strategy.AssignTo() ?? "-";
        }

        return chosen;
    }

    public static (RoutingDecision Result, RoutingExplanation Explanation) Explain(this IRoutingStrategy strategy, Lead lead, DateTimeOffset? at = null)
    {
        var explanation = new RoutingExplanation();
        var result = strategy.Assign(new RoutingContext(lead, at ?? Now, explanation));
        return (result, explanation);
    }

    public static ImmutableArray<T> Items<T>(params T[] items) => [.. items];
}
