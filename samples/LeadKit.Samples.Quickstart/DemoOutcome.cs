using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Funnel.State;
using LeadKit.Metrics.Inputs;

namespace LeadKit.Samples.Quickstart;

/// <summary>What the demo timeline produced: one journey per lead, the deals, and where each lead is on the report date.</summary>
internal sealed class DemoOutcome
{
    /// <summary>Gets one journey per lead, in lead order.</summary>
    public List<LeadJourney> Journeys { get; } = [];

    /// <summary>Gets the deals (won, lost and open).</summary>
    public List<Deal> Deals { get; } = [];

    /// <summary>Gets the stage each lead is in on the report date.</summary>
    public Dictionary<LeadId, FunnelStage> CurrentStage { get; } = [];

    /// <summary>Gets the rep each routed lead went to (every lead that reached MQL).</summary>
    public Dictionary<LeadId, SalesRepId> Owners { get; } = [];

    /// <summary>Gets the leads that entered MQL at some time up to the report date.</summary>
    public HashSet<LeadId> ReachedMql { get; } = [];

    /// <summary>Records a lead's finished walk.</summary>
    public void Add(Lead lead, FunnelState state, SalesRepId? owner, DateTimeOffset? assignedAt)
    {
        Journeys.Add(new LeadJourney(lead.Id, lead.Source, lead.CreatedAt, state.History, owner, state.InitialStage, assignedAt));
        CurrentStage[lead.Id] = state.Stage;
        if (owner is { } rep)
        {
            Owners[lead.Id] = rep;
        }

        if (state.History.Any(c => c.To == FunnelStage.Mql))
        {
            ReachedMql.Add(lead.Id);
        }
    }
}
