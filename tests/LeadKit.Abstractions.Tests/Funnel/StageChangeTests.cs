using LeadKit.Abstractions.Funnel;

namespace LeadKit.Abstractions.Tests.Funnel;

public sealed class StageChangeTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StageChange_UnsetStage_ThrowsNamingFrom()
        => Assert.Equal("From", Assert.Throws<ArgumentException>(() => new StageChange { From = default, To = FunnelStage.Mql, Trigger = FunnelTrigger.Qualify, OccurredAt = At }).ParamName);

    [Fact]
    public void StageChange_DefaultTime_ThrowsNamingOccurredAt()
        => Assert.Equal("OccurredAt", Assert.Throws<ArgumentException>(() => new StageChange { From = FunnelStage.Lead, To = FunnelStage.Mql, Trigger = FunnelTrigger.Qualify, OccurredAt = default }).ParamName);

    [Fact]
    public void StageChange_BlankReason_ThrowsNamingReason()
        => Assert.Equal("Reason", Assert.Throws<ArgumentException>(() => new StageChange { From = FunnelStage.Lead, To = FunnelStage.Mql, Trigger = FunnelTrigger.Qualify, OccurredAt = At, Reason = "" }).ParamName);
}
