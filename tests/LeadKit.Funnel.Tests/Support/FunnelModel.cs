using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Tests.Support;

/// <summary>
/// An independent, deliberately naive model of the default funnel (a table of strings written from the issue text),
/// used to check the compiled definition step by step.
/// </summary>
internal static class FunnelModel
{
    public static readonly FunnelTrigger[] Triggers =
    [
        FunnelTrigger.Qualify, FunnelTrigger.Disqualify, FunnelTrigger.Nurture, FunnelTrigger.Accept, FunnelTrigger.Reject,
        FunnelTrigger.Convert, FunnelTrigger.Win, FunnelTrigger.Lose, FunnelTrigger.Reopen, new("unknown-trigger"),
    ];

    // (from, trigger) -> (to, backward, required qualification level: 0 none, 1 MQL, 2 SQL)
    private static readonly Dictionary<(string, string), (string To, bool Backward, int Level)> Table = new()
    {
        [("suspect", "qualify")] = ("lead", false, 0),
        [("suspect", "disqualify")] = ("disqualified", false, 0),
        [("lead", "qualify")] = ("mql", false, 1),
        [("lead", "nurture")] = ("nurture", false, 0),
        [("lead", "disqualify")] = ("disqualified", false, 0),
        [("mql", "accept")] = ("sal", false, 0),
        [("mql", "reject")] = ("nurture", true, 0),
        [("mql", "disqualify")] = ("disqualified", false, 0),
        [("sal", "qualify")] = ("sql", false, 2),
        [("sal", "nurture")] = ("nurture", false, 0),
        [("sal", "disqualify")] = ("disqualified", false, 0),
        [("sql", "convert")] = ("opportunity", false, 0),
        [("sql", "nurture")] = ("nurture", false, 0),
        [("sql", "disqualify")] = ("disqualified", false, 0),
        [("opportunity", "win")] = ("customer", false, 0),
        [("opportunity", "lose")] = ("lost", false, 0),
        [("nurture", "qualify")] = ("mql", false, 1),
        [("nurture", "reopen")] = ("lead", true, 0),
        [("nurture", "disqualify")] = ("disqualified", false, 0),
    };

    /// <summary>Who fires a step: only the manager may override (on the governed funnel); a blank actor is always refused.</summary>
    public static readonly string?[] Actors = [Funnels.Manager, "rep", null, " "];

    public static readonly LeadId LeadId = new("model-lead");

    public static bool IsAllowed(StageChange change)
        => Table.TryGetValue((change.From.Value!, change.Trigger.Value!), out var edge) && edge.To == change.To.Value;

    /// <summary>What the model expects for a step from a stage, on a funnel whose overrides the manager may (or nobody may) make.</summary>
    public static (FireOutcome Outcome, string Stage) Expect(string stage, FunnelStep step, bool managerMayOverride = true)
    {
        if (!Table.TryGetValue((stage, Triggers[step.TriggerIndex].Value!), out var edge))
        {
            return (FireOutcome.Invalid, stage);
        }

        var actor = Actors[step.ActorIndex];
        var blankActor = actor is not null && actor.Trim().Length == 0;
        var overrideAllowed = managerMayOverride && actor == Funnels.Manager && step.WithReason;
        var met = !blankActor
            && (!edge.Backward || step.WithReason)
            && (step.IsOverride ? overrideAllowed : step.Signals >= edge.Level);
        return met ? (FireOutcome.Accepted, edge.To) : (FireOutcome.Refused, stage);
    }

    /// <summary>The details a step fires with.</summary>
    public static TransitionDetails Details(FunnelStep step)
        => new(
            Actor: Actors[step.ActorIndex],
            Reason: step.WithReason ? "reason given" : null,
            Lead: Funnels.LeadWithSignals(LeadId.Value!, step.Signals),
            IsOverride: step.IsOverride);

    /// <summary>Runs the steps on a definition (the governed qualified default funnel unless given); returns every (state before, step, result).</summary>
    public static List<(FunnelState Before, FunnelStep Step, FireResult Result)> Run(FunnelStep[] steps, LeadKit.Funnel.Definitions.FunnelDefinition? definition = null)
    {
        definition ??= Funnels.QualifiedGoverned;
        var runs = new List<(FunnelState, FunnelStep, FireResult)>(steps.Length);
        var state = definition.Start(LeadId, Funnels.T0);
        var at = Funnels.T0;
        foreach (var step in steps)
        {
            at = at.AddMinutes(step.MinutesLater);
            var result = definition.Fire(state, Triggers[step.TriggerIndex], at, Details(step));
            runs.Add((state, step, result));
            state = result.State;
        }

        return runs;
    }
}
