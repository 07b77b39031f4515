using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Telemetry;

namespace LeadKit.Routing;

/// <summary>
/// Routes leads: reads the ledger snapshot, lets the plan in use decide, records the decision's change with a
/// version check, and on a conflict (another router recorded first) reads and decides again, at most
/// <see cref="MaximumAttempts"/> times. The plan holds no counters, so changes by other routers or processes sharing
/// the ledger store are seen on the next lead without rebuilding the plan.
/// </summary>
/// <remarks>Thread-safe. Metrics go to the <c>LeadKit.Routing</c> meter; each lead is one <c>leadkit.routing.route</c> activity.</remarks>
public sealed class LeadRouter
{
    private readonly RoutingPlanProvider _plans;
    private readonly IRoutingLedgerStore _ledger;
    private readonly RoutingTelemetry _telemetry;

    /// <summary>Creates a router.</summary>
    /// <param name="plans">The plan in use (replaceable).</param>
    /// <param name="ledger">Where counters and rotation are read and recorded.</param>
    /// <param name="meterFactory">Creates the <c>LeadKit.Routing</c> meter; <see langword="null"/> for no metrics.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plans"/> or <paramref name="ledger"/> is null.</exception>
    public LeadRouter(RoutingPlanProvider plans, IRoutingLedgerStore ledger, IMeterFactory? meterFactory = null)
    {
        _plans = plans ?? throw new ArgumentNullException(nameof(plans));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _telemetry = new RoutingTelemetry(meterFactory);
    }

    /// <summary>Gets or initializes how often a lead is decided again after a conflict before it is returned unassigned (<see cref="UnassignedReason.Conflict"/>).</summary>
    /// <value>Defaults to 64; 1 to 10,000.</value>
    public int MaximumAttempts { get; init => field = value is >= 1 and <= 10_000 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumAttempts), value, "MaximumAttempts must be 1 to 10,000."); } = 64;

    /// <summary>Gets the plan provider.</summary>
    public RoutingPlanProvider Plans => _plans;

    /// <summary>Gets the ledger store.</summary>
    public IRoutingLedgerStore Ledger => _ledger;

    /// <summary>Routes one lead and records the assignment.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment of assignment.</param>
    /// <param name="explanation">An explanation to fill (of the decision that was recorded), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the reads, the look-up and the write.</param>
    /// <returns>The recorded decision, or an unassigned one (nothing recorded).</returns>
    public async ValueTask<RoutingDecision> RouteAsync(Lead lead, DateTimeOffset asOf, RoutingExplanation? explanation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var plan = _plans.Current;
        using var activity = RoutingTelemetry.ActivitySource.StartActivity("leadkit.routing.route");
        activity?.SetTag("leadkit.plan", plan.Name);
        for (var attempt = 1; attempt <= MaximumAttempts; attempt++)
        {
            var ledger = await _ledger.ReadAsync(cancellationToken).ConfigureAwait(false);
            explanation?.Reset();
            var decision = await plan.DecideAsync(lead, asOf, ledger, explanation, cancellationToken).ConfigureAwait(false);
            if (decision.Change is not { } change
                || await _ledger.RecordAsync(change, cancellationToken).ConfigureAwait(false) == RoutingLedgerRecordOutcome.Recorded)
            {
                Finish(activity, plan.Name, decision, attempt);
                return decision;
            }

            _telemetry.Conflict(plan.Name);
        }

        var conflict = RoutingDecision.Unassigned(UnassignedReason.Conflict, plan.DefaultQueue);
        Finish(activity, plan.Name, conflict, MaximumAttempts);
        return conflict;
    }

    private void Finish(Activity? activity, string plan, RoutingDecision decision, int attempts)
    {
        _telemetry.Decided(plan, decision);
        if (activity is not null)
        {
            activity.SetTag("leadkit.assigned", decision.IsAssigned);
            activity.SetTag(decision.IsAssigned ? "leadkit.step" : "leadkit.reason", decision.IsAssigned ? decision.DecidedBy : decision.Reason.ToString());
            activity.SetTag("leadkit.attempts", attempts);
        }
    }
}
