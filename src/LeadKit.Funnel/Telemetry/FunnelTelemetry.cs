using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Telemetry;

/// <summary>
/// The funnel's meter (<c>LeadKit.Funnel</c>, created through <see cref="IMeterFactory"/>) and activity source. Tags carry
/// stage, trigger and outcome names only (they come from the funnel definition): never a lead id, an actor or a reason.
/// </summary>
internal sealed class FunnelTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "LeadKit.Funnel";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long>? _transitions;
    private readonly Counter<long>? _refusals;
    private readonly Counter<long>? _conflicts;
    private readonly Counter<long>? _notificationFailures;

    public FunnelTelemetry(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            return;
        }

        var meter = meterFactory.Create(Name);
        Meter = meter;
        _transitions = meter.CreateCounter<long>("leadkit.funnel.transitions", "{transition}", "Committed stage changes, by stage left, stage entered and trigger.");
        _refusals = meter.CreateCounter<long>("leadkit.funnel.refusals", "{refusal}", "Triggers not applied because a guard or requirement was unmet (refused) or the trigger is not permitted (invalid), by stage and trigger.");
        _conflicts = meter.CreateCounter<long>("leadkit.funnel.conflicts", "{conflict}", "Transitions not committed because another writer changed the lead first, by stage and trigger.");
        _notificationFailures = meter.CreateCounter<long>("leadkit.funnel.notification_failures", "{failure}", "Observers and stage actions that threw after a committed transition (the transition stands), by kind.");
    }

    /// <summary>Gets the meter, or <see langword="null"/> without a meter factory.</summary>
    public Meter? Meter { get; }

    public static Activity? StartFire(FunnelTrigger trigger)
    {
        var activity = ActivitySource.StartActivity("leadkit.funnel.fire");
        activity?.SetTag("leadkit.trigger", trigger.Value);
        return activity;
    }

    public void Fired(Activity? activity, FunnelStage from, FunnelTrigger trigger, in FireResult result)
    {
        activity?.SetTag("leadkit.stage", from.Value);
        activity?.SetTag("leadkit.outcome", OutcomeName(result.Outcome));
        switch (result.Outcome)
        {
            case FireOutcome.Accepted:
                activity?.SetTag("leadkit.to", result.State.Stage.Value);
                _transitions?.Add(1, new("leadkit.from", from.Value), new("leadkit.to", result.State.Stage.Value), new("leadkit.trigger", trigger.Value));
                break;
            case FireOutcome.Refused:
            case FireOutcome.Invalid:
                _refusals?.Add(1, new("leadkit.stage", from.Value), new("leadkit.trigger", trigger.Value), new("leadkit.outcome", OutcomeName(result.Outcome)));
                break;
            default:
                break;
        }
    }

    public void Conflict(Activity? activity, FunnelStage from, FunnelTrigger trigger)
    {
        // FireOnLatest re-fires after a conflict; the outcome it then reaches replaces this one.
        activity?.AddEvent(new ActivityEvent("leadkit.funnel.conflict"))
            .SetTag("leadkit.stage", from.Value)
            .SetTag("leadkit.outcome", "conflict");
        _conflicts?.Add(1, new("leadkit.stage", from.Value), new("leadkit.trigger", trigger.Value));
    }

    public void NotificationFailed(string kind, Exception exception)
    {
        // The current activity is the fire's own when traced (otherwise the caller's): the failure is worth an event on either.
        Activity.Current?.AddEvent(new ActivityEvent("leadkit.funnel.notification_failed", tags: new ActivityTagsCollection
        {
            ["leadkit.kind"] = kind,
            ["exception.type"] = exception.GetType().FullName,
        }));
        _notificationFailures?.Add(1, new KeyValuePair<string, object?>("leadkit.kind", kind));
    }

    private static string OutcomeName(FireOutcome outcome) => outcome switch
    {
        FireOutcome.Accepted => "accepted",
        FireOutcome.Refused => "refused",
        FireOutcome.Invalid => "invalid",
        FireOutcome.Conflict => "conflict",
        _ => "unset",
    };
}
