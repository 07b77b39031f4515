using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Tests.Support;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Definitions;

/// <summary>
/// Model-based properties over random trigger sequences on the default funnel (with qualification guards): random
/// triggers, lead data, reasons, overrides and actors (the manager who may override, a rep who may not, none, blank)
/// against the naive model in <see cref="FunnelModel"/>.
/// </summary>
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
            Assert.Contains(result.State.Stage, QualifiedGoverned.Stages);
            if (result.IsAccepted)
            {
                Assert.True(FunnelModel.IsAllowed(result.Change!), $"forbidden change {result.Change}");
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Fire_RandomSequenceWithoutAnOverrideAuthorizer_AgreesWithTheModelAndNeverOverrides(FunnelStep[] steps)
    {
        foreach (var (before, step, result) in FunnelModel.Run(steps, Qualified))
        {
            var (outcome, stage) = FunnelModel.Expect(before.Stage.Value!, step, managerMayOverride: false);
            Assert.Equal(outcome, result.Outcome);
            Assert.Equal(stage, result.State.Stage.Value);
            Assert.False(result.Change?.IsOverride ?? false);
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
        var final = runs.Count == 0 ? QualifiedGoverned.Start(FunnelModel.LeadId, T0) : runs[^1].Result.State;
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
            var replay = QualifiedGoverned.Replay(result.State);
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
            Assert.Equal(result.IsAccepted, QualifiedGoverned.CanFire(before, FunnelModel.Triggers[step.TriggerIndex], at, FunnelModel.Details(step)));
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
                from actor in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
                select new FunnelStep(trigger, signals, withReason, isOverride, minutes, actor);
            return Gen.ArrayOf(step).ToArbitrary();
        }
    }
}
