using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Samples.Quickstart;

/// <summary>
/// Walks every demo lead through the funnel on one timeline that ends at the report date: a lead moves to MQL at the
/// first moment its score qualifies (its creation, each of its signals, or the report date), so every lead the scoring
/// model qualifies on the report date has reached MQL by then. Later steps happen days after, and only when those
/// days have passed by the report date; what has not happened yet stays open (an MQL awaiting acceptance, an open deal).
/// </summary>
internal static class DemoTimeline
{
    /// <summary>A lead that has not qualified within this time after its creation goes to nurture (marketing keeps it warm).</summary>
    public static readonly TimeSpan NurtureAfter = TimeSpan.FromDays(30);

    /// <summary>Walks the leads; the same leads and seed give the same journeys.</summary>
    public static DemoOutcome Run(IReadOnlyList<Lead> leads, FunnelDefinition funnel, LeadRouter routing, int seed, DateTimeOffset asOf)
    {
        var random = new Random(seed);
        var outcome = new DemoOutcome();
        foreach (var lead in leads)
        {
            Walk(lead, funnel, routing, random, asOf, outcome);
        }

        return outcome;
    }

    private static void Walk(Lead lead, FunnelDefinition funnel, LeadRouter routing, Random random, DateTimeOffset asOf, DemoOutcome outcome)
    {
        var state = funnel.Start(lead.Id, lead.CreatedAt);
        var details = new TransitionDetails(Actor: "quickstart", Lead: lead);
        SalesRepId? owner = null;
        DateTimeOffset? assignedAt = null;

        bool Fire(FunnelTrigger trigger, DateTimeOffset at, string? reason = null)
        {
            var fired = funnel.Fire(state, trigger, at, details with { Reason = reason });
            if (fired.IsAccepted)
            {
                state = fired.State;
            }

            return fired.IsAccepted;
        }

        // The moments at which the score can change: creation, every signal, the nurture deadline and the report date.
        var moments = lead.Signals.Select(s => s.OccurredAt).Where(t => t <= asOf)
            .Append(lead.CreatedAt).Append(lead.CreatedAt + NurtureAfter).Append(asOf)
            .Where(t => t >= lead.CreatedAt && t <= asOf).Distinct().Order().ToList();

        Fire(FunnelTrigger.Qualify, lead.CreatedAt); // suspect -> lead: a known contact
        if (lead.Bant.Need == BantStatus.NotMet)
        {
            // The policy disqualifies a lead with no need at any date: sales discards it the next day.
            Fire(FunnelTrigger.Disqualify, Earliest(lead.CreatedAt.AddDays(1), asOf), "no buying intent");
            outcome.Add(lead, state, owner, assignedAt);
            return;
        }

        DateTimeOffset? mqlAt = null;
        foreach (var moment in moments)
        {
            if (Fire(FunnelTrigger.Qualify, moment))
            {
                mqlAt = moment;
                break;
            }

            if (state.Stage == FunnelStage.Lead && moment >= lead.CreatedAt + NurtureAfter)
            {
                Fire(FunnelTrigger.Nurture, moment, "not qualified within 30 days");
            }
        }

        if (mqlAt is { } qualifiedAt)
        {
            // Routed the moment it qualifies, so the owner is known for every MQL.
            // The in-memory ledger completes synchronously; a database-backed one would be awaited by an async caller.
            if (routing.RouteAsync(lead, qualifiedAt).AsTask().GetAwaiter().GetResult() is { IsAssigned: true, RepId: var rep })
            {
                owner = rep;
                assignedAt = qualifiedAt;
            }

            WorkQualifiedLead(lead, random, asOf, moments, qualifiedAt, Fire, outcome, owner);
        }

        outcome.Add(lead, state, owner, assignedAt);
    }

    private static void WorkQualifiedLead(
        Lead lead,
        Random random,
        DateTimeOffset asOf,
        List<DateTimeOffset> moments,
        DateTimeOffset mqlAt,
        Func<FunnelTrigger, DateTimeOffset, string?, bool> fire,
        DemoOutcome outcome,
        SalesRepId? owner)
    {
        // The rep reviews the MQL one day later: one in five is sent back to marketing.
        var reviewAt = mqlAt.AddDays(1);
        if (reviewAt > asOf)
        {
            return;
        }

        if (random.Next(5) == 0)
        {
            fire(FunnelTrigger.Reject, reviewAt, "sales: not ready to buy");
            return;
        }

        fire(FunnelTrigger.Accept, reviewAt, null);

        // Sales-qualified (BANT confirmed and immediate intent) at the first moment after acceptance that the policy agrees.
        DateTimeOffset? sqlAt = null;
        foreach (var moment in moments.Where(m => m >= reviewAt).Prepend(reviewAt))
        {
            if (fire(FunnelTrigger.Qualify, moment, null))
            {
                sqlAt = moment;
                break;
            }
        }

        // The discovery call two days later: one in four SQLs has no budget this year after all.
        if (sqlAt is not { } qualifiedAt || qualifiedAt.AddDays(2) > asOf)
        {
            return;
        }

        var callAt = qualifiedAt.AddDays(2);
        if (random.Next(4) == 0)
        {
            fire(FunnelTrigger.Nurture, callAt, "discovery call: no budget this year");
            return;
        }

        fire(FunnelTrigger.Convert, callAt, null);
        var value = new Money(1_000m + (random.Next(0, 40) * 250m), CurrencyCode.Eur);
        var closeAt = callAt.AddDays(5 + random.Next(0, 40));
        var won = random.Next(100) < 40;
        var id = new DealId($"D-{lead.Id}");
        if (closeAt > asOf)
        {
            // Not decided on the report date: an open opportunity, part of the pipeline and of sales velocity.
            outcome.Deals.Add(new Deal(id, value, callAt, DealStatus.Open, null, lead.Id, owner));
            return;
        }

        fire(won ? FunnelTrigger.Win : FunnelTrigger.Lose, closeAt, null);
        outcome.Deals.Add(new Deal(id, value, callAt, won ? DealStatus.Won : DealStatus.Lost, closeAt, lead.Id, owner, lostReason: won ? null : "chose a competitor"));
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
