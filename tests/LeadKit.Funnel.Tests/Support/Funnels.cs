using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Funnel.Definitions;
using LeadKit.Testing;

namespace LeadKit.Funnel.Tests.Support;

/// <summary>Shared definitions and leads for the funnel tests.</summary>
internal static class Funnels
{
    public static readonly DateTimeOffset T0 = LeadBuilder.Now;

    /// <summary>The default funnel without qualification guards.</summary>
    public static readonly FunnelDefinition Plain = DefaultFunnel.Create();

    /// <summary>The default funnel whose qualify transitions ask the fake policy (1 signal = MQL, 2 = SQL).</summary>
    public static readonly FunnelDefinition Qualified = DefaultFunnel.CreateQualified(new SignalCountScorer(), new ThresholdQualificationPolicy());

    /// <summary>The actor the governed funnels let override unmet guards.</summary>
    public const string Manager = "manager";

    /// <summary>The default funnel without qualification guards, whose overrides only <see cref="Manager"/> may make.</summary>
    public static readonly FunnelDefinition PlainGoverned = DefaultFunnel.Create(Governance());

    /// <summary>The qualified default funnel whose overrides only <see cref="Manager"/> may make.</summary>
    public static readonly FunnelDefinition QualifiedGoverned = DefaultFunnel.CreateQualified(new SignalCountScorer(), new ThresholdQualificationPolicy(), Governance());

    /// <summary>Options whose override authorizer lets only <see cref="Manager"/> override.</summary>
    public static FunnelOptions Governance() => new()
    {
        OverrideAuthorizer = static (actor, _, _) => actor == Manager,
        OverrideAuthorizerDescription = "sales managers",
    };

    /// <summary>A lead with the given id whose fake score is <paramref name="signals"/> (0: unqualified, 1: MQL, 2+: SQL).</summary>
    public static Lead LeadWithSignals(string id, int signals)
        => LeadBuilder.New(id).CreatedAt(T0.AddDays(-60)).DidTimes(EngagementSignalKind.PageView, signals, daysAgo: 40).Build();
}
