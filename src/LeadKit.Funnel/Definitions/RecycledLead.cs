using LeadKit.Abstractions.Leads;
using LeadKit.Funnel.State;
using LeadKit.Abstractions.Funnel;

namespace LeadKit.Funnel.Definitions;

/// <summary>A new lead made from a lost opportunity, and its funnel state (see <see cref="FunnelDefinition.Recycle"/>).</summary>
/// <param name="Lead">The new lead: source <c>recycled_opportunity</c>, <c>RecycledFromDealId</c> set.</param>
/// <param name="State">The new lead's state: it starts in the definition's recycle entry stage with an empty history.</param>
public sealed record RecycledLead(Lead Lead, FunnelState State);
