using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.Definitions;

namespace LeadKit.Funnel.Tests.Support;

/// <summary>A funnel whose stages form a cycle, so concurrent writers can keep moving leads for as long as a test wants.</summary>
internal static class RingFunnel
{
    public static readonly FunnelTrigger Next = new("next");
    public static readonly FunnelStage[] Stages = [new("ring-a"), new("ring-b"), new("ring-c")];

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
