using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Tests.Support;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Definitions;

/// <summary>Model-based properties over random trigger sequences on the default funnel (with qualification guards).</summary>
public sealed class FunnelDefinitionPropertyTests
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Fire_RandomSequence_AgreesWithTheModelAndNeverReachesAForbiddenStage(FunnelStep[] steps)
    {
        foreach (var (before, step, result) in FunnelModel.Run(steps))
        {
            var (outcome, stage) = FunnelModel.Expect(before.Stage.Value!, step);
            Assert.Equal(outcome, result.Outcome);
            Assert.Equal(stage, result.State.Stage.Value);
            Assert.Contains(result.State.Stage, Qualified.Stages);
            if (result.IsAccepted)
            {
                Assert.True(FunnelModel.IsAllowed(result.Change!), $"forbidden change {result.Change}");
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Fire_RandomSequence_VersionGrowsByExactlyOnePerAcceptedTransition(FunnelStep[] steps)
    {
        foreach (var (before, _, result) in FunnelModel.Run(steps))
        {
            Assert.Equal(before.Version + (result.IsAccepted ? 1 : 0), result.State.Version);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Fire_RandomSequence_HistoryLengthEqualsAcceptedTransitions(FunnelStep[] steps)
    {
        var runs = FunnelModel.Run(steps);
        var final = runs.Count == 0 ? Qualified.Start(FunnelModel.LeadId, T0) : runs[^1].Result.State;
        var accepted = runs.Where(run => run.Result.IsAccepted).Select(run => run.Result.Change!).ToArray();

        Assert.Equal(accepted.Length, final.History.Length);
        Assert.Equal(accepted, final.History.ToArray());
        Assert.Equal(final.Version, final.History.Length);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Replay_HistoryOfARandomSequence_YieldsTheSameState(FunnelStep[] steps)
    {
        foreach (var (_, _, result) in FunnelModel.Run(steps))
        {
            var replay = Qualified.Replay(result.State);
            Assert.True(replay.IsValid, replay.Error);
            Assert.Equal(result.State, replay.State);
            Assert.Equal(result.State.GetHashCode(), replay.State!.GetHashCode());
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Fire_RefusedOrInvalidTransition_ChangesNothing(FunnelStep[] steps)
    {
        foreach (var (before, _, result) in FunnelModel.Run(steps))
        {
            if (!result.IsAccepted)
            {
                Assert.Same(before, result.State);
                Assert.Null(result.Change);
                Assert.NotNull(result.Message);
                Assert.Equal(result.Outcome == FireOutcome.Refused, !result.UnmetGuards.IsEmpty);
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void CanFire_RandomSequence_AgreesWithFire(FunnelStep[] steps)
    {
        foreach (var (before, step, result) in FunnelModel.Run(steps))
        {
            var at = result.IsAccepted ? result.State.EnteredAt : before.EnteredAt.AddMinutes(step.MinutesLater);
            var details = new TransitionDetails(
                Actor: step.IsOverride ? "manager" : "rep",
                Reason: step.WithReason ? "reason given" : null,
                Lead: LeadWithSignals(FunnelModel.LeadId.Value!, step.Signals),
                IsOverride: step.IsOverride);
            Assert.Equal(result.IsAccepted, Qualified.CanFire(before, FunnelModel.Triggers[step.TriggerIndex], at, details));
        }
    }

    /// <summary>Generators: sequences of up to ~100 steps over every trigger (and one unknown trigger).</summary>
    public static class Arbitraries
    {
        public static Arbitrary<FunnelStep[]> Steps()
        {
            var step =
                from trigger in Gen.Choose(0, FunnelModel.Triggers.Length - 1)
                from signals in Gen.Choose(0, 2)
                from withReason in Gen.Elements(true, false)
                from isOverride in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
                from minutes in Gen.Choose(0, 72 * 60)
                select new FunnelStep(trigger, signals, withReason, isOverride, minutes);
            return Gen.ArrayOf(step).ToArbitrary();
        }
    }
}
