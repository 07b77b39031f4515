using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Funnel.Definitions;

/// <summary>A new lead made from a lost opportunity, and its funnel state (see <see cref="FunnelDefinition.Recycle"/>).</summary>
/// <remarks>Init properties, so that the result can gain a field without breaking callers.</remarks>
public sealed class RecycledLead
{
    /// <summary>Gets the new lead: source <c>recycled_opportunity</c>, <c>RecycledFromDealId</c> set.</summary>
    public required Lead Lead { get; init; }

    /// <summary>Gets the new lead's state: it starts in the definition's recycle entry stage with an empty history.</summary>
    public required FunnelState State { get; init; }
}
