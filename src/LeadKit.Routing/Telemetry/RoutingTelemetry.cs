using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Routing;

namespace LeadKit.Routing.Telemetry;

/// <summary>
/// Routing's meter (<c>LeadKit.Routing</c>, created through <see cref="IMeterFactory"/>) and activity source. Tags carry
/// plan, step and reason names only: never a lead's or a rep's id.
/// </summary>
internal sealed class RoutingTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "LeadKit.Routing";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long>? _decisions;
    private readonly Counter<long>? _unassigned;
    private readonly Counter<long>? _conflicts;

    public RoutingTelemetry(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            return;
        }

        var meter = meterFactory.Create(Name);
        Meter = meter;
        _decisions = meter.CreateCounter<long>("leadkit.routing.decisions", "{lead}", "Leads assigned to a rep and recorded, by plan and deciding step.");
        _unassigned = meter.CreateCounter<long>("leadkit.routing.unassigned", "{lead}", "Leads no rep was assigned to, by plan and reason.");
        _conflicts = meter.CreateCounter<long>("leadkit.routing.conflicts", "{conflict}", "Decisions not recorded because the ledger changed first (each is re-decided), by plan.");
    }

    /// <summary>Gets the <c>LeadKit.Routing</c> meter; <see langword="null"/> without a meter factory.</summary>
    public Meter? Meter { get; }

    public void Decided(string plan, RoutingDecision decision)
    {
        if (decision.IsAssigned)
        {
            _decisions?.Add(1, new("leadkit.plan", plan), new("leadkit.step", decision.DecidedBy));
        }
        else
        {
            _unassigned?.Add(1, new("leadkit.plan", plan), new("leadkit.reason", ReasonName(decision.Reason)));
        }
    }

    public void Conflict(string plan) => _conflicts?.Add(1, new KeyValuePair<string, object?>("leadkit.plan", plan));

    private static string ReasonName(UnassignedReason reason) => reason switch
    {
        UnassignedReason.NotApplicable => "not-applicable",
        UnassignedReason.NoEligibleRep => "no-eligible-rep",
        UnassignedReason.Conflict => "conflict",
        _ => "none",
    };
}
