using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.State;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.State;

public sealed class FunnelStateTests
{
    private static readonly TransitionDetails Audited = new(Actor: "rep", Reason: "because");

    [Fact]
    public void Start_NewLead_HasVersionZeroEmptyHistoryAndEnteredAtStart()
    {
        var state = Plain.Start(new LeadId("a"), T0);

        Assert.Equal(new LeadId("a"), state.LeadId);
        Assert.Equal(FunnelStage.Suspect, state.Stage);
        Assert.Equal(FunnelStage.Suspect, state.InitialStage);
        Assert.Equal(0, state.Version);
        Assert.Equal(T0, state.StartedAt);
        Assert.Equal(T0, state.EnteredAt);
        Assert.Null(state.LastChange);
        Assert.Empty(state.History);
        Assert.Equal("FunnelState { Stage = suspect, Version = 0, EnteredAt = 2026-06-01T12:00:00.0000000+00:00 }", state.ToString());
    }

    [Fact]
    public void Equals_SameTransitionsBuiltSeparately_AreEqualButDifferentReasonsAreNot()
    {
        FunnelState Build(string reason)
        {
            var s = Plain.Start(new LeadId("a"), T0);
            s = Plain.Fire(s, FunnelTrigger.Qualify, T0.AddHours(1)).State;
            s = Plain.Fire(s, FunnelTrigger.Nurture, T0.AddHours(2), new TransitionDetails(Reason: reason)).State;
            return Plain.Fire(s, FunnelTrigger.Reopen, T0.AddHours(3), Audited).State;
        }

        Assert.Equal(Build("x"), Build("x"));
        Assert.Equal(Build("x").GetHashCode(), Build("x").GetHashCode());
        Assert.NotEqual(Build("x"), Build("y"));
        Assert.False(Build("x").Equals(null));
    }

    [Fact]
    public void History_SharedPrefix_IsNotAffectedByBranchingFromAnOlderState()
    {
        var lead = Plain.Fire(Plain.Start(new LeadId("a"), T0), FunnelTrigger.Qualify, T0.AddHours(1)).State;

        var nurtured = Plain.Fire(lead, FunnelTrigger.Nurture, T0.AddHours(2)).State;
        var disqualified = Plain.Fire(lead, FunnelTrigger.Disqualify, T0.AddHours(2)).State;

        Assert.Equal([FunnelStage.Lead, FunnelStage.Nurture], nurtured.History.Select(c => c.To));
        Assert.Equal([FunnelStage.Lead, FunnelStage.Disqualified], disqualified.History.Select(c => c.To));
        Assert.Single(lead.History);
        Assert.NotEqual(nurtured, disqualified);
    }

    [Fact]
    public void TimeInStage_AndTotalTimeIn_SumEveryVisit()
    {
        var s = Plain.Fire(Plain.Start(new LeadId("a"), T0), FunnelTrigger.Qualify, T0.AddHours(1)).State;   // lead 1h..3h
        s = Plain.Fire(s, FunnelTrigger.Nurture, T0.AddHours(3)).State;                                       // nurture 3h..10h
        s = Plain.Fire(s, FunnelTrigger.Reopen, T0.AddHours(10), Audited).State;                             // lead 10h..

        Assert.Equal(TimeSpan.FromHours(5), s.TimeInStage(T0.AddHours(15)));
        Assert.Equal(TimeSpan.FromHours(2 + 5), s.TotalTimeIn(FunnelStage.Lead, T0.AddHours(15)));
        Assert.Equal(TimeSpan.FromHours(7), s.TotalTimeIn(FunnelStage.Nurture, T0.AddHours(15)));
        Assert.Equal(TimeSpan.FromHours(1), s.TotalTimeIn(FunnelStage.Suspect, T0.AddHours(15)));
        Assert.Equal(TimeSpan.Zero, s.TotalTimeIn(FunnelStage.Customer, T0.AddHours(15)));
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => s.TimeInStage(T0)).ParamName);
    }
}
