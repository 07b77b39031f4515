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

    public static readonly LeadId LeadId = new("model-lead");

    public static bool IsAllowed(StageChange change)
        => Table.TryGetValue((change.From.Value!, change.Trigger.Value!), out var edge) && edge.To == change.To.Value;

    /// <summary>What the model expects for a step from a stage.</summary>
    public static (FireOutcome Outcome, string Stage) Expect(string stage, FunnelStep step)
    {
        if (!Table.TryGetValue((stage, Triggers[step.TriggerIndex].Value!), out var edge))
        {
            return (FireOutcome.Invalid, stage);
        }

        var met = (!edge.Backward || step.WithReason)
            && (step.IsOverride ? step.WithReason : step.Signals >= edge.Level);
        return met ? (FireOutcome.Accepted, edge.To) : (FireOutcome.Refused, stage);
    }

    /// <summary>Runs the steps on the qualified default funnel; returns every (state before, step, result).</summary>
    public static List<(FunnelState Before, FunnelStep Step, FireResult Result)> Run(FunnelStep[] steps)
    {
        var runs = new List<(FunnelState, FunnelStep, FireResult)>(steps.Length);
        var state = Funnels.Qualified.Start(LeadId, Funnels.T0);
        var at = Funnels.T0;
        var leads = new[] { Funnels.LeadWithSignals(LeadId.Value!, 0), Funnels.LeadWithSignals(LeadId.Value!, 1), Funnels.LeadWithSignals(LeadId.Value!, 2) };
        foreach (var step in steps)
        {
            at = at.AddMinutes(step.MinutesLater);
            var details = new TransitionDetails(
                Actor: step.IsOverride ? "manager" : "rep",
                Reason: step.WithReason ? "reason given" : null,
                Lead: leads[step.Signals],
                IsOverride: step.IsOverride);
            var result = Funnels.Qualified.Fire(state, Triggers[step.TriggerIndex], at, details);
            runs.Add((state, step, result));
            state = result.State;
        }

        return runs;
    }
}
