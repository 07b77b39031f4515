using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Sales;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Workflow;
using LeadKit.Testing;
using Microsoft.Extensions.Time.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.State;

/// <summary>Apps use e-mails as lead ids: no message or ToString of the funnel carries an id, an actor or a reason.</summary>
public sealed class PersonalDataTests
{
    private const string Email = "jane.doe@example.com";
    private const string Secret = "example.com";

    private static void AssertClean(string? text)
    {
        Assert.NotNull(text);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("called her", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfDetailsChangeAndState_CarriesNoIdActorOrReason()
    {
        var lead = LeadBuilder.New(Email).Build();
        var details = new TransitionDetails(Actor: "john@example.com", Reason: "called her on +49 30 1234567", Lead: lead, IsOverride: true);
        var state = Plain.Start(new LeadId(Email), T0);
        var moved = Plain.Fire(state, FunnelTrigger.Qualify, T0.AddHours(1), details with { IsOverride = false }).State;

        AssertClean(details.ToString());
        AssertClean(moved.LastChange!.ToString());
        AssertClean(moved.ToString());
        AssertClean(state.ToString());
        Assert.Contains("lead", moved.ToString(), StringComparison.Ordinal);
        Assert.Contains("qualify", moved.LastChange.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkflowMessages_NameTheFieldNotTheLeadId()
    {
        var ct = CancellationToken.None;
        var workflow = new FunnelWorkflow(Plain, new InMemoryFunnelStore(), new FakeTimeProvider(T0));
        var id = new LeadId(Email);
        await workflow.StartAsync(id, ct);
        var moved = await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: ct);
        var foreign = new FunnelDefinitionBuilder().StartAt(new FunnelStage("ring-a"));
        foreign.Configure(new FunnelStage("ring-a")).Permit(FunnelTrigger.Win, FunnelStage.Customer);
        foreign.Configure(FunnelStage.Customer).Terminal();
        var foreignState = foreign.Build().Start(new LeadId("other@example.com"), T0);

        AssertClean((await Assert.ThrowsAsync<InvalidOperationException>(async () => await workflow.StartAsync(id, ct))).Message);
        AssertClean((await Assert.ThrowsAsync<KeyNotFoundException>(async () => await workflow.FireAsync(new LeadId("john@example.com"), 0, FunnelTrigger.Qualify, cancellationToken: ct))).Message);
        AssertClean((await Assert.ThrowsAsync<KeyNotFoundException>(async () => await workflow.FireOnLatestAsync(new LeadId("john@example.com"), FunnelTrigger.Qualify, cancellationToken: ct))).Message);
        AssertClean((await workflow.FireAsync(id, 0, FunnelTrigger.Qualify, cancellationToken: ct)).Message);
        AssertClean((await Assert.ThrowsAsync<ArgumentException>(async () => await workflow.AddAsync(foreignState, ct))).Message);
        AssertClean(FunnelPageKey.Of(moved.State).ToString());
        AssertClean((await workflow.Store.CommitAsync(moved.State, 0, ct)).ToString());
        Assert.True(moved.IsAccepted);
    }

    [Fact]
    public void DefinitionMessages_NameTheFieldNotTheIds()
    {
        var state = Plain.Start(new LeadId(Email), T0.AddHours(5));
        var lost = Walk(Plain.Start(new LeadId(Email), T0), FunnelTrigger.Qualify, FunnelTrigger.Qualify, FunnelTrigger.Accept, FunnelTrigger.Qualify, FunnelTrigger.Convert, FunnelTrigger.Lose);
        var lead = LeadBuilder.New(Email).Build();
        var otherLead = LeadBuilder.New("other@example.com").Build();
        var deal = new Deal(new DealId("deal-of-jane@example.com"), new Money(10m, CurrencyCode.Eur), T0, DealStatus.Lost, T0.AddDays(1), new LeadId("x@example.com"), null);
        var unlinked = new Deal(new DealId("deal-of-jane@example.com"), new Money(10m, CurrencyCode.Eur), T0, DealStatus.Lost, T0.AddDays(1));
        var won = new Deal(new DealId("deal-of-jane@example.com"), new Money(10m, CurrencyCode.Eur), T0, DealStatus.Won, T0.AddDays(1), null, null);

        AssertClean(Assert.Throws<ArgumentOutOfRangeException>(() => Plain.Fire(state, FunnelTrigger.Qualify, T0)).Message);
        AssertClean(Assert.Throws<ArgumentException>(() => Plain.Recycle(state, lead, deal, new LeadId("new@example.com"), T0.AddDays(9))).Message);
        AssertClean(Assert.Throws<ArgumentException>(() => Plain.Recycle(lost, otherLead, deal, new LeadId("new@example.com"), T0.AddDays(9))).Message);
        AssertClean(Assert.Throws<ArgumentException>(() => Plain.Recycle(lost, lead, won, new LeadId("new@example.com"), T0.AddDays(9))).Message);
        AssertClean(Assert.Throws<ArgumentException>(() => Plain.Recycle(lost, lead, deal, new LeadId("new@example.com"), T0.AddDays(9))).Message);
        AssertClean(Assert.Throws<ArgumentException>(() => Plain.Recycle(lost, lead, unlinked, new LeadId(Email), T0.AddDays(9))).Message);
    }

    private static FunnelState Walk(FunnelState state, params FunnelTrigger[] triggers)
    {
        var at = state.EnteredAt;
        foreach (var trigger in triggers)
        {
            at = at.AddHours(1);
            var result = Plain.Fire(state, trigger, at);
            Assert.True(result.IsAccepted, result.Message);
            state = result.State;
        }

        return state;
    }
}
