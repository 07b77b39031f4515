using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Tests.Support;
using static LeadKit.Funnel.Tests.Support.Funnels;
using LeadKit.Abstractions.Configuration;

namespace LeadKit.Funnel.Tests.Definitions;

/// <summary>Who may override a guard, and blank actors or reasons: refusals, never exceptions.</summary>
public sealed class FunnelOverrideTests
{
    private static FunnelState AtLead(FunnelDefinition definition, LeadId id)
        => definition.Fire(definition.Start(id, T0), FunnelTrigger.Qualify, T0.AddHours(1)).State;

    [Fact]
    public void Fire_OverrideWithoutAnAuthorizer_IsRefusedEvenWithActorAndReason()
    {
        var lead = LeadWithSignals("cold@example.com", signals: 0);
        var state = AtLead(Qualified, lead.Id);

        var result = Qualified.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Actor: "rep-3", Reason: "I say so", Lead: lead, IsOverride: true));

        Assert.Equal(FireOutcome.Refused, result.Outcome);
        Assert.Same(state, result.State);
        Assert.Equal([FunnelDefinition.OverridesNotEnabledDescription], result.UnmetGuards.ToArray());
        Assert.False(Qualified.CanFire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Actor: "rep-3", Reason: "I say so", Lead: lead, IsOverride: true)));
    }

    [Fact]
    public void Fire_OverrideWithAnAuthorizerFromTheOptions_AcceptsOnlyTheAuthorisedActorAndNeverEchoesTheActor()
    {
        var options = new FunnelOptions
        {
            OverrideAuthorizer = static (actor, from, trigger) => actor == "head-of-sales" && from == FunnelStage.Lead && trigger == FunnelTrigger.Qualify,
            OverrideAuthorizerDescription = "the head of sales",
        };
        var definition = DefaultFunnel.CreateQualified(new SignalCountScorer(), new ThresholdQualificationPolicy(), options);
        var lead = LeadWithSignals("cold@example.com", signals: 0);
        var state = AtLead(definition, lead.Id);

        var byRep = definition.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Actor: "rep-3@example.com", Reason: "I say so", Lead: lead, IsOverride: true));
        var byHead = definition.Fire(state, FunnelTrigger.Qualify, T0.AddDays(1), new TransitionDetails(Actor: "head-of-sales", Reason: "strategic account", Lead: lead, IsOverride: true));

        Assert.Equal(FireOutcome.Refused, byRep.Outcome);
        Assert.Equal(["the actor is not authorised to override (authorised: the head of sales)"], byRep.UnmetGuards.ToArray());
        Assert.DoesNotContain("rep-3", byRep.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", byRep.Message, StringComparison.Ordinal);
        Assert.True(byHead.IsAccepted);
        Assert.True(byHead.Change!.IsOverride);
        Assert.Equal("head-of-sales", byHead.Change.Actor);
    }

    [Fact]
    public void CreateBuilder_AuthorizerWithoutDescription_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<ConfigurationException>(() => DefaultFunnel.Create(new FunnelOptions { OverrideAuthorizer = static (_, _, _) => true }));

        Assert.Contains("FunnelOptions.OverrideAuthorizerDescription", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", null)]
    [InlineData("", null)]
    [InlineData("\t", "why")]
    [InlineData("rep", " ")]
    [InlineData(null, "")]
    [InlineData(null, "long")]
    [InlineData("surrogate", null)]
    public void Fire_BlankActorOrReason_IsRefusedNotThrown(string? actor, string? reason)
    {
        var state = Plain.Start(new LeadId("a"), T0);

        // Built in code: a lone surrogate in an attribute string would become U+FFFD.
        actor = actor == "surrogate" ? "rep" + (char)0xD800 : actor;
        reason = reason == "long" ? new string('r', FunnelDefinition.MaximumTextLength + 1) : reason;
        var details = new TransitionDetails(Actor: actor, Reason: reason);

        var result = Plain.Fire(state, FunnelTrigger.Qualify, T0.AddHours(1), details);

        Assert.Equal(FireOutcome.Refused, result.Outcome);
        Assert.Same(state, result.State);
        Assert.NotEmpty(result.UnmetGuards);
        Assert.False(Plain.CanFire(state, FunnelTrigger.Qualify, T0.AddHours(1), details));
        Assert.Equal(result.UnmetGuards.ToArray(), Plain.GetUnmetGuards(state, FunnelTrigger.Qualify, T0.AddHours(1), details).ToArray());
    }

    [Fact]
    public void Fire_BlankActorOnAnOverride_IsRefusedLikeAMissingActor()
    {
        var governed = DefaultFunnel.Create(new FunnelOptions { OverrideAuthorizer = static (_, _, _) => true, OverrideAuthorizerDescription = "anyone" });
        var state = governed.Start(new LeadId("a"), T0);

        var result = governed.Fire(state, FunnelTrigger.Qualify, T0.AddHours(1), new TransitionDetails(Actor: " ", Reason: "r", IsOverride: true));

        Assert.Equal(FireOutcome.Refused, result.Outcome);
        Assert.Contains(FunnelDefinition.OverrideRequirementsDescription, result.UnmetGuards);
    }
}
