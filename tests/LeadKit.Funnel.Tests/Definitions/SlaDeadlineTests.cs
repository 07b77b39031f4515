using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Definitions;

/// <summary>D14: an SLA deadline past the end of the calendar saturates at <see cref="DateTimeOffset.MaxValue"/> (never breached).</summary>
public sealed class SlaDeadlineTests
{
    private static readonly FunnelStage Waiting = new("waiting");

    private static FunnelDefinition WithSla(TimeSpan sla)
    {
        var builder = new FunnelDefinitionBuilder().StartAt(Waiting);
        builder.Configure(Waiting).Permit(FunnelTrigger.Win, FunnelStage.Customer).MaxTimeInStage(sla);
        builder.Configure(FunnelStage.Customer).Terminal();
        return builder.Build();
    }

    [Theory]
    [InlineData(0, 48)]
    [InlineData(14, 48)]
    [InlineData(-12, 1)]
    public void SlaDeadline_NearTheEndOfTheCalendar_SaturatesAtMaxValue(int offsetHours, int slaHours)
    {
        var definition = WithSla(TimeSpan.FromHours(slaHours));
        var enteredAt = offsetHours >= 0
            ? new DateTimeOffset(new DateTime(DateTime.MaxValue.Ticks - (TimeSpan.TicksPerHour / 2)), TimeSpan.FromHours(offsetHours))
            : DateTimeOffset.MaxValue.AddMinutes(-30).ToOffset(TimeSpan.FromHours(offsetHours));
        var state = definition.Start(new LeadId("late"), enteredAt);

        Assert.Equal(DateTimeOffset.MaxValue, definition.SlaDeadline(state));
        Assert.False(definition.IsSlaBreached(state, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void SlaDeadline_LongestSla_SaturatesAtMaxValue()
    {
        var definition = WithSla(TimeSpan.MaxValue);
        var state = definition.Start(new LeadId("a"), T0);

        Assert.Equal(DateTimeOffset.MaxValue, definition.SlaDeadline(state));
        Assert.False(definition.IsSlaBreached(state, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void SlaDeadline_InRange_IsEnteredAtPlusTheSla()
    {
        var state = Plain.Fire(Plain.Fire(Plain.Start(new LeadId("a"), T0), FunnelTrigger.Qualify, T0).State, FunnelTrigger.Qualify, T0.AddHours(1)).State;

        Assert.Equal(T0.AddHours(49), Plain.SlaDeadline(state));
    }
}
