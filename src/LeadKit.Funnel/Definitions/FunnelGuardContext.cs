using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Definitions;

/// <summary>What a guard sees when it decides whether a transition may happen.</summary>
public readonly struct FunnelGuardContext
{
    internal FunnelGuardContext(FunnelState state, FunnelTrigger trigger, FunnelStage destination, DateTimeOffset occurredAt, Lead? lead)
    {
        State = state;
        Trigger = trigger;
        Destination = destination;
        OccurredAt = occurredAt;
        Lead = lead;
    }

    /// <summary>Gets the lead's current funnel state.</summary>
    public FunnelState State { get; }

    /// <summary>Gets the trigger being fired.</summary>
    public FunnelTrigger Trigger { get; }

    /// <summary>Gets the stage the transition leads to.</summary>
    public FunnelStage Destination { get; }

    /// <summary>Gets when the transition would happen.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>Gets the lead's data when the caller supplied it (<see cref="TransitionDetails.Lead"/>).</summary>
    public Lead? Lead { get; }
}
