using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Definitions;

public sealed class FunnelDefinitionTests
{
    private static readonly TransitionDetails Audited = new(Actor: "rep", Reason: "because");

    private static FunnelState Mql(string id = "lead-1")
    {
        var state = Plain.Start(new LeadId(id), T0);
        state = Plain.Fire(state, FunnelTrigger.Qualify, T0.AddHours(1)).State;
        return Plain.Fire(state, FunnelTrigger.Qualify, T0.AddHours(2)).State;
    }

    [Fact]
    public void Fire_AcceptedTransition_LeavesTheInputStateUntouched()
    {
        var mql = Mql();
        var historyBefore = mql.History.ToArray();

        var result = Plain.Fire(mql, FunnelTrigger.Accept, T0.AddHours(3));

        Assert.True(result.IsAccepted);
        Assert.Equal(FunnelStage.Mql, mql.Stage);
        Assert.Equal(2, mql.Version);
        Assert.Equal(historyBefore, mql.History.ToArray());
        Assert.Equal(3, result.State.Version);
        Assert.Equal(T0.AddHours(3), result.State.EnteredAt);
        Assert.Same(result.State.LastChange, result.Change);
    }

    [Fact]
    public void Fire_TriggerNotPermitted_IsInvalidAndNamesStageAndTrigger()
    {
        var mql = Mql();

        var result = Plain.Fire(mql, FunnelTrigger.Win, T0.AddHours(3));

        Assert.Equal(FireOutcome.Invalid, result.Outcome);
        Assert.Same(mql, result.State);
        Assert.Null(result.Change);
        Assert.Empty(result.UnmetGuards);
        Assert.Equal("Trigger 'win' is not permitted from stage 'mql'.", result.Message);
        Assert.False(Plain.CanFire(mql, FunnelTrigger.Win, T0.AddHours(3)));
        Assert.Empty(Plain.GetUnmetGuards(mql, FunnelTrigger.Win, T0.AddHours(3)));
    }

    [Fact]
    public void Fire_StateFromAnotherDefinition_IsInvalid()
    {
        var custom = new FunnelStage("custom-only");
        var builder = new FunnelDefinitionBuilder().StartAt(custom);
        builder.Configure(custom).Permit(FunnelTrigger.Win, FunnelStage.Customer);
        builder.Configure(FunnelStage.Customer).Terminal();
        var state = builder.Build().Start(new LeadId("c"), T0);

        var result = Plain.Fire(state, FunnelTrigger.Win, T0.AddHours(1));

        Assert.Equal(FireOutcome.Invalid, result.Outcome);
        Assert.Equal("Stage 'custom-only' is not a stage of this funnel definition.", result.Message);
    }

    [Fact]
    public void Fire_TimeBeforeEnteringTheStage_ThrowsNamingOccurredAt()
    {
        var mql = Mql();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Plain.Fire(mql, FunnelTrigger.Accept, T0.AddHours(1)));

        Assert.Equal("occurredAt", error.ParamName);
        Assert.False(Plain.CanFire(mql, FunnelTrigger.Accept, T0.AddHours(1)));
    }

    [Fact]
    public void Fire_UnauthorisedOverride_IsRefusedNamingWhoIsAuthorised()
    {
        var builder = DefaultFunnel.CreateBuilder(new Support.SignalCountScorer(), new Support.ThresholdQualificationPolicy())
            .AuthorizeOverrides(static (actor, _, _) => actor.StartsWith("manager-", StringComparison.Ordinal), "sales managers");
        var definition = builder.Build();
        var state = definition.Fire(definition.Start(new LeadId("cold"), T0), FunnelTrigger.Qualify, T0.AddHours(1)).State;
        var lead = LeadWithSignals("cold", 0);

        var byRep = definition.Fire(state, FunnelTrigger.Qualify, T0.AddHours(2), new TransitionDetails("rep-3", "I like them", lead, IsOverride: true));
        var byManager = definition.Fire(state, FunnelTrigger.Qualify, T0.AddHours(2), new TransitionDetails("manager-1", "strategic account", lead, IsOverride: true));

        Assert.Equal(["the actor is not authorised to override (authorised: sales managers)"], byRep.UnmetGuards.ToArray());
        Assert.True(byManager.IsAccepted);
        Assert.True(byManager.Change!.IsOverride);
    }

    [Fact]
    public void CanFire_PermittedUnguardedTrigger_IsTrueAndChangesNothing()
    {
        var mql = Mql();

        Assert.True(Plain.CanFire(mql, FunnelTrigger.Accept, T0.AddHours(3)));
        Assert.True(Plain.CanFire(mql, FunnelTrigger.Reject, T0.AddHours(3), Audited));
        Assert.False(Plain.CanFire(mql, FunnelTrigger.Reject, T0.AddHours(3)));
        Assert.Equal(2, mql.Version);
    }

    [Fact]
    public void Replay_OwnHistory_ReproducesAnEqualState()
    {
        var state = Plain.Fire(Mql(), FunnelTrigger.Reject, T0.AddHours(3), Audited).State;
        state = Plain.Fire(state, FunnelTrigger.Reopen, T0.AddDays(30), Audited).State;

        var replay = Plain.Replay(state);

        Assert.True(replay.IsValid);
        Assert.Equal(state, replay.State);
        Assert.NotSame(state, replay.State);
        Assert.Equal(-1, replay.FailedIndex);
        Assert.Null(replay.Error);
    }

    [Fact]
    public void Replay_HistoryWithAForbiddenJump_IsRejectedWithTheOffendingEntry()
    {
        var good = Mql().History;
        var jump = new StageChange { From = FunnelStage.Mql, To = FunnelStage.Customer, Trigger = FunnelTrigger.Win, OccurredAt = T0.AddHours(3) };

        var replay = Plain.Replay(new LeadId("lead-1"), FunnelStage.Suspect, T0, [.. good, jump]);

        Assert.False(replay.IsValid);
        Assert.Null(replay.State);
        Assert.Equal(2, replay.FailedIndex);
        Assert.Same(jump, replay.FailedEntry);
        Assert.Equal("History entry 2: Trigger 'win' is not permitted from stage 'mql'.", replay.Error);
    }

    [Theory]
    [InlineData("wrong-from", "it leaves 'sal' but the lead is in 'mql'.")]
    [InlineData("wrong-to", "trigger 'accept' from 'mql' leads to 'sal', not 'sql'.")]
    [InlineData("time-backward", "before the lead entered 'mql'")]
    [InlineData("no-reason", "the backward edge 'reject' from 'mql' has no reason.")]
    [InlineData("override-without-actor", "an override without an actor and a reason.")]
    public void Replay_InvalidEntry_ExplainsWhy(string defect, string expected)
    {
        var entry = defect switch
        {
            "wrong-from" => new StageChange { From = FunnelStage.Sal, To = FunnelStage.Sql, Trigger = FunnelTrigger.Qualify, OccurredAt = T0.AddHours(3) },
            "wrong-to" => new StageChange { From = FunnelStage.Mql, To = FunnelStage.Sql, Trigger = FunnelTrigger.Accept, OccurredAt = T0.AddHours(3) },
            "time-backward" => new StageChange { From = FunnelStage.Mql, To = FunnelStage.Sal, Trigger = FunnelTrigger.Accept, OccurredAt = T0 },
            "no-reason" => new StageChange { From = FunnelStage.Mql, To = FunnelStage.Nurture, Trigger = FunnelTrigger.Reject, OccurredAt = T0.AddHours(3) },
            _ => new StageChange { From = FunnelStage.Mql, To = FunnelStage.Sal, Trigger = FunnelTrigger.Accept, OccurredAt = T0.AddHours(3), Reason = "r", IsOverride = true },
        };

        var replay = Plain.Replay(new LeadId("lead-1"), FunnelStage.Suspect, T0, [.. Mql().History, entry]);

        Assert.Equal(2, replay.FailedIndex);
        Assert.Contains(expected, replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_UnknownInitialStage_FailsAtTheStart()
    {
        var replay = Plain.Replay(new LeadId("x"), new FunnelStage("somewhere-else"), T0, []);

        Assert.False(replay.IsValid);
        Assert.Equal(-1, replay.FailedIndex);
        Assert.Null(replay.FailedEntry);
        Assert.Contains("somewhere-else", replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void IsSlaBreached_MqlNotAcceptedWithin48Hours_IsBreachedOnlyAfterTheDeadline()
    {
        var mql = Mql();

        Assert.Equal(mql.EnteredAt.AddHours(48), Plain.SlaDeadline(mql));
        Assert.False(Plain.IsSlaBreached(mql, mql.EnteredAt.AddHours(48)));
        Assert.True(Plain.IsSlaBreached(mql, mql.EnteredAt.AddHours(48).AddTicks(1)));
        var accepted = Plain.Fire(mql, FunnelTrigger.Accept, mql.EnteredAt.AddHours(47)).State;
        Assert.Null(Plain.SlaDeadline(accepted));
        Assert.False(Plain.IsSlaBreached(accepted, mql.EnteredAt.AddDays(30)));
    }

    [Fact]
    public void RunStageActions_ExitThenEntryActionsRun_AndFailuresAreThrownTogetherAfterAllRan()
    {
        var calls = new List<string>();
        var builder = DefaultFunnel.CreateBuilder();
        builder.Configure(FunnelStage.Mql)
            .OnExit(s => calls.Add($"exit mql v{s.Version}"))
            .OnExit(_ => throw new InvalidOperationException("exit failed"));
        builder.Configure(FunnelStage.Sal)
            .OnEntry(s => calls.Add($"enter sal v{s.Version}"))
            .OnEntry(_ => throw new InvalidOperationException("entry failed"));
        var definition = builder.Build();
        var mql = definition.Fire(definition.Fire(definition.Start(new LeadId("a"), T0), FunnelTrigger.Qualify, T0).State, FunnelTrigger.Qualify, T0).State;
        var sal = definition.Fire(mql, FunnelTrigger.Accept, T0.AddHours(1)).State;

        Assert.Empty(calls);
        var error = Assert.Throws<AggregateException>(() => definition.RunStageActions(sal));

        Assert.Equal(["exit mql v3", "enter sal v3"], calls);
        Assert.Equal(["exit failed", "entry failed"], error.InnerExceptions.Select(e => e.Message));
    }

    [Fact]
    public void Start_TerminalOrUnknownStage_ThrowsNamingTheStage()
    {
        Assert.Equal("stage", Assert.Throws<ArgumentException>(() => Plain.Start(new LeadId("x"), T0, FunnelStage.Customer)).ParamName);
        Assert.Equal("stage", Assert.Throws<ArgumentException>(() => Plain.Start(new LeadId("x"), T0, new FunnelStage("elsewhere"))).ParamName);
        Assert.Equal("leadId", Assert.Throws<ArgumentException>(() => Plain.Start(default, T0)).ParamName);
        Assert.Equal(FunnelStage.Mql, Plain.Start(new LeadId("imported"), T0, FunnelStage.Mql).Stage);
    }
}
