using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.Definitions;

namespace LeadKit.Testing.Stores;

/// <summary>A funnel whose stages form a cycle, so concurrent writers can keep moving leads for as long as a test wants.</summary>
public static class RingFunnel
{
    /// <summary>The trigger that moves a lead to the next stage of the ring.</summary>
    public static readonly FunnelTrigger Next = new("next");

    /// <summary>The ring's stages, in order; the first is the start.</summary>
    public static readonly FunnelStage[] Stages = [new("ring-a"), new("ring-b"), new("ring-c")];

    /// <summary>Builds the ring: a, b, c, back to a; c can also win (customer, terminal).</summary>
    /// <returns>The definition.</returns>
    public static FunnelDefinition Create()
    {
        var builder = new FunnelDefinitionBuilder().StartAt(Stages[0]);
        builder.Configure(Stages[0]).Permit(Next, Stages[1]);
        builder.Configure(Stages[1]).Permit(Next, Stages[2]);
        builder.Configure(Stages[2]).Permit(Next, Stages[0]).Permit(FunnelTrigger.Win, FunnelStage.Customer);
        builder.Configure(FunnelStage.Customer).Terminal();
        return builder.Build();
    }
}
