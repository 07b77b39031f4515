using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Funnel.Workflow;

/// <summary>Told when an observer or a stage action threw after a transition was committed (the transition stands); see <see cref="FunnelWorkflow"/>.</summary>
/// <param name="leadId">The lead that moved.</param>
/// <param name="change">The committed change.</param>
/// <param name="exception">What the observer or action threw.</param>
public delegate void FunnelNotificationErrorHandler(LeadId leadId, StageChange change, Exception exception);
