using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Sources;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Tests.Support;
using LeadKit.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Definitions;

public sealed class DefaultFunnelTests
{
    private static FunnelState Walk(FunnelDefinition definition, FunnelState state, params FunnelTrigger[] triggers)
    {
        var at = state.EnteredAt;
        foreach (var trigger in triggers)
        {
            at = at.AddHours(1);
            var result = definition.Fire(state, trigger, at, new TransitionDetails(Actor: "rep-1", Reason: "moving on"));
            Assert.True(result.IsAccepted, result.ToString());
            state = result.State;
        }

        return state;
    }

    [Fact]
    public void Fire_MainPathFromSuspectToCustomer_EndsInTerminalCustomerWithFullHistory()
    {
        var state = Plain.Start(new LeadId("acme"), T0);

        state = Walk(Plain, state, FunnelTrigger.Qualify, FunnelTrigger.Qualify, FunnelTrigger.Accept, FunnelTrigger.Qualify, FunnelTrigger.Convert, FunnelTrigger.Win);

        Assert.Equal(FunnelStage.Customer, state.Stage);
        Assert.Equal(6, state.Version);
        Assert.Equal(
            [FunnelStage.Lead, FunnelStage.Mql, FunnelStage.Sal, FunnelStage.Sql, FunnelStage.Opportunity, FunnelStage.Customer],
            state.History.Select(change => change.To));
        Assert.True(Plain.IsTerminal(state.Stage));
        var afterEnd = Plain.Fire(state, FunnelTrigger.Disqualify, T0.AddDays(1));
        Assert.Equal(FireOutcome.Invalid, afterEnd.Outcome);
        Assert.Contains("terminal", afterEnd.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_LeadWithoutBuyingIntent_IsDisqualifiedAndStaysOut()
    {
        var state = Walk(Plain, Plain.Start(new LeadId("student"), T0), FunnelTrigger.Qualify, FunnelTrigger.Disqualify);

        Assert.Equal(FunnelStage.Disqualified, state.Stage);
        Assert.Equal(FireOutcome.Invalid, Plain.Fire(state, FunnelTrigger.Reopen, T0.AddDays(3)).Outcome);
    }

    [Fact]
    public void Fire_LeadThatBoughtFromCompetitor_IsNurturedAndReentersWithAReason()
    {
        var state = Walk(Plain, Plain.Start(new LeadId("bought-elsewhere"), T0), FunnelTrigger.Qualify, FunnelTrigger.Nurture);
        Assert.Equal(FunnelStage.Nurture, state.Stage);

        var withoutReason = Plain.Fire(state, FunnelTrigger.Reopen, T0.AddDays(90));
        Assert.Equal(FireOutcome.Refused, withoutReason.Outcome);
        Assert.Equal([FunnelDefinition.ReasonRequiredDescription], withoutReason.UnmetGuards.ToArray());

        var reopened = Plain.Fire(state, FunnelTrigger.Reopen, T0.AddDays(90), new TransitionDetails(Actor: "marketing", Reason: "competitor contract ends next quarter"));
        Assert.True(reopened.IsAccepted);
        Assert.Equal(FunnelStage.Lead, reopened.State.Stage);
        Assert.Equal("competitor contract ends next quarter", reopened.Change!.Reason);
    }

    [Fact]
    public void Fire_SalesRejectsMql_GoesBackToNurtureWithTheReasonRecorded()
    {
        var mql = Walk(Plain, Plain.Start(new LeadId("webinar-attendee"), T0), FunnelTrigger.Qualify, FunnelTrigger.Qualify);
        Assert.Equal(FunnelStage.Mql, mql.Stage);

        var refused = Plain.Fire(mql, FunnelTrigger.Reject, T0.AddDays(1), new TransitionDetails(Actor: "sdr-7"));
        Assert.Equal(FireOutcome.Refused, refused.Outcome);
        Assert.Same(mql, refused.State);

        var rejected = Plain.Fire(mql, FunnelTrigger.Reject, T0.AddDays(1), new TransitionDetails(Actor: "sdr-7", Reason: "no budget until next year"));

        Assert.True(rejected.IsAccepted);
        Assert.Equal(FunnelStage.Nurture, rejected.State.Stage);
        Assert.Equal(new StageChange
        {
            From = FunnelStage.Mql,
            To = FunnelStage.Nurture,
            Trigger = FunnelTrigger.Reject,
            OccurredAt = T0.AddDays(1),
            Actor = "sdr-7",
            Reason = "no budget until next year",
        }, rejected.Change);
        Assert.True(Plain.TransitionsFrom(FunnelStage.Mql).Single(t => t.Trigger == FunnelTrigger.Reject).IsBackward);
    }

    [Fact]
    public void Recycle_LostOpportunity_BecomesNewRecycledLeadStartingAsLead()
    {
        var lostLead = LeadBuilder.New("old-lead").AtCompany("Acme Ltda", employees: 250).WithContact(email: "buyer@acme.example").WithFullBant().Build();
        var lost = Walk(Plain, Plain.Start(lostLead.Id, T0), FunnelTrigger.Qualify, FunnelTrigger.Qualify, FunnelTrigger.Accept, FunnelTrigger.Qualify, FunnelTrigger.Convert, FunnelTrigger.Lose);
        Assert.Equal(FunnelStage.Lost, lost.Stage);
        var deal = new Deal(new DealId("deal-9"), new Money(12_000m, new CurrencyCode("EUR")), T0.AddHours(5), DealStatus.Lost, T0.AddHours(6), lostLead.Id, lostReason: "bought from competitor");

        var recycled = Plain.Recycle(lost, lostLead, deal, new LeadId("new-lead"), T0.AddDays(30));

        Assert.Equal(new LeadId("new-lead"), recycled.Lead.Id);
        Assert.Equal(LeadSource.RecycledOpportunity, recycled.Lead.Source);
        Assert.Equal(new DealId("deal-9"), recycled.Lead.RecycledFromDealId);
        Assert.Equal(lostLead.Contact, recycled.Lead.Contact);
        Assert.Equal(lostLead.Company, recycled.Lead.Company);
        Assert.Null(recycled.Lead.OwnerId);
        Assert.Equal(T0.AddDays(30), recycled.Lead.CreatedAt);
        Assert.Equal(FunnelStage.Lead, recycled.State.Stage);
        Assert.Equal(FunnelStage.Lead, recycled.State.InitialStage);
        Assert.Equal(0, recycled.State.Version);
        Assert.Empty(recycled.State.History);
        Assert.Equal(FunnelStage.Lost, lost.Stage);
        Assert.True(Plain.Fire(recycled.State, FunnelTrigger.Qualify, T0.AddDays(31)).IsAccepted);
    }

    [Fact]
    public void Recycle_LeadThatIsNotLostOrDealThatWasWon_IsRejectedNamingTheArgument()
    {
        var lead = LeadBuilder.New("l1").Build();
        var mql = Walk(Plain, Plain.Start(lead.Id, T0), FunnelTrigger.Qualify, FunnelTrigger.Qualify);
        var lostDeal = new Deal(new DealId("d1"), new Money(1m, new CurrencyCode("EUR")), T0, DealStatus.Lost, T0.AddHours(1));
        var wonDeal = new Deal(new DealId("d2"), new Money(1m, new CurrencyCode("EUR")), T0, DealStatus.Won, T0.AddHours(1));
        var lost = Walk(Plain, mql, FunnelTrigger.Accept, FunnelTrigger.Qualify, FunnelTrigger.Convert, FunnelTrigger.Lose);

        Assert.Equal("lostState", Assert.Throws<ArgumentException>(() => Plain.Recycle(mql, lead, lostDeal, new LeadId("l2"), T0.AddDays(1))).ParamName);
        Assert.Equal("lostDeal", Assert.Throws<ArgumentException>(() => Plain.Recycle(lost, lead, wonDeal, new LeadId("l2"), T0.AddDays(1))).ParamName);
        Assert.Equal("newLeadId", Assert.Throws<ArgumentException>(() => Plain.Recycle(lost, lead, lostDeal, lead.Id, T0.AddDays(1))).ParamName);
        Assert.Equal("lostLead", Assert.Throws<ArgumentException>(() => Plain.Recycle(lost, LeadBuilder.New("other").Build(), lostDeal, new LeadId("l2"), T0.AddDays(1))).ParamName);
    }

    [Fact]
    public void Fire_QualifyWithoutEnoughEngagement_IsRefusedWithTheGuardDescription()
    {
        var lead = LeadWithSignals("cold", signals: 0);
        var state = Walk(Qualified, Qualified.Start(lead.Id, T0), FunnelTrigger.Qualify);

        var result = Qualified.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Lead: lead));

        Assert.Equal(FireOutcome.Refused, result.Outcome);
        Assert.Equal([$"{QualificationGuards.MarketingQualifiedDescription} (total 0)"], result.UnmetGuards.ToArray());
        Assert.Same(state, result.State);
        Assert.False(Qualified.CanFire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Lead: lead)));
        Assert.Equal([$"{QualificationGuards.MarketingQualifiedDescription} (total 0)"], Qualified.GetUnmetGuards(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Lead: lead)).ToArray());
    }

    [Fact]
    public void Fire_QualificationPolicySaysMqlThenSql_PassesBothGuards()
    {
        var mqlLead = LeadWithSignals("warm", signals: 1);
        var sqlLead = LeadWithSignals("warm", signals: 2);
        var state = Walk(Qualified, Qualified.Start(mqlLead.Id, T0), FunnelTrigger.Qualify);

        state = Qualified.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Lead: mqlLead)).State;
        state = Qualified.Fire(state, FunnelTrigger.Accept, T0.AddDays(2)).State;
        var notYetSql = Qualified.Fire(state, FunnelTrigger.Qualify, T0.AddDays(3), new TransitionDetails(Lead: mqlLead));
        var sql = Qualified.Fire(state, FunnelTrigger.Qualify, T0.AddDays(3), new TransitionDetails(Lead: sqlLead));

        Assert.Equal(FunnelStage.Sal, state.Stage);
        Assert.Equal([$"{QualificationGuards.SalesQualifiedDescription} (total 1)"], notYetSql.UnmetGuards.ToArray());
        Assert.Equal(FunnelStage.Sql, sql.State.Stage);
    }

    [Fact]
    public void Fire_GuardWithoutLeadDataOrWithAnotherLead_IsUnmet()
    {
        var state = Walk(Qualified, Qualified.Start(new LeadId("a"), T0), FunnelTrigger.Qualify);

        Assert.Equal(FireOutcome.Refused, Qualified.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1)).Outcome);
        Assert.Equal(FireOutcome.Refused, Qualified.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Lead: LeadWithSignals("b", 3))).Outcome);
    }

    [Fact]
    public void Fire_AuthorisedOverride_MovesDespiteUnmetGuardAndIsRecordedAsOverride()
    {
        var lead = LeadWithSignals("cold", signals: 0);
        var state = Walk(QualifiedGoverned, QualifiedGoverned.Start(lead.Id, T0), FunnelTrigger.Qualify);

        var withoutReason = QualifiedGoverned.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Actor: Manager, Lead: lead, IsOverride: true));
        var overridden = QualifiedGoverned.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Actor: Manager, Reason: "strategic account", Lead: lead, IsOverride: true));

        Assert.Equal([FunnelDefinition.OverrideRequirementsDescription], withoutReason.UnmetGuards.ToArray());
        Assert.True(overridden.IsAccepted);
        Assert.Equal(FunnelStage.Mql, overridden.State.Stage);
        Assert.True(overridden.Change!.IsOverride);
        Assert.Equal(Manager, overridden.Change.Actor);
        Assert.Equal("strategic account", overridden.Change.Reason);
    }

    [Fact]
    public void Fire_OverrideNeverBypassesPermissions()
    {
        var state = Plain.Start(new LeadId("x"), T0);

        var result = PlainGoverned.Fire(state, FunnelTrigger.Win, T0.AddDays(1), new TransitionDetails(Actor: Manager, Reason: "please", IsOverride: true));

        Assert.Equal(FireOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public void CreateBuilder_InvalidOptions_ThrowsNamingTheOptionAndValue()
    {
        var error = Assert.Throws<ConfigurationException>(() => DefaultFunnel.Create(new FunnelOptions { MqlAcceptanceSla = TimeSpan.FromHours(-1), SqlConversionSla = TimeSpan.Zero }));

        Assert.Contains("MqlAcceptanceSla", error.Message, StringComparison.Ordinal);
        Assert.Contains("-01:00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("SqlConversionSla", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidOptions_AreConfigurationProblemsWhosePathNamesTheOption()
    {
        var problems = new FunnelOptions { MqlAcceptanceSla = TimeSpan.FromHours(-1), QualificationModel = " ", OverrideAuthorizerDescription = "managers" }.Validate();

        Assert.Equal(
            [
                ("FunnelOptions.MqlAcceptanceSla", ConfigurationProblemCodes.OutOfRange),
                ("FunnelOptions.QualificationModel", ConfigurationProblemCodes.InvalidValue),
                ("FunnelOptions.OverrideAuthorizerDescription", ConfigurationProblemCodes.Conflict),
            ],
            problems.Select(p => (p.Path, p.Code)));
        Assert.Empty(new FunnelOptions().Validate());
    }

    [Fact]
    public void Create_Defaults_MqlHas48HourSlaAndLostRecyclesIntoLead()
    {
        Assert.Equal(TimeSpan.FromHours(48), Plain.GetMaxTimeInStage(FunnelStage.Mql));
        Assert.Null(Plain.GetMaxTimeInStage(FunnelStage.Sql));
        Assert.Equal(FunnelStage.Lead, Plain.RecycleEntryStage(FunnelStage.Lost));
        Assert.Null(Plain.RecycleEntryStage(FunnelStage.Customer));
        Assert.Equal(FunnelStage.Suspect, Plain.InitialStage);
        Assert.Equal(10, Plain.Stages.Length);
    }
}
