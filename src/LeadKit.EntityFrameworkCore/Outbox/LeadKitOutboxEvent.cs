using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.EntityFrameworkCore.Outbox;

/// <summary>One committed change, as the outbox dispatcher hands it to an <see cref="ILeadKitOutboxHandler"/>.</summary>
public sealed class LeadKitOutboxEvent
{
    /// <summary>Gets the event's id, the same on every delivery of it: handlers use it to ignore a repeat (delivery is at least once).</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the lead the event is about.</summary>
    public required LeadId LeadId { get; init; }

    /// <summary>Gets the event's place among the lead's events of its <see cref="Kind"/> (1, 2, …); for stage changes, the funnel version after the change.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the kind (<see cref="LeadKitOutboxEventKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the event's JSON as stored (ids, names and instants only, no personal data).</summary>
    public required string Payload { get; init; }

    /// <summary>Gets when the change occurred (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets which delivery this is: 1 for the first, n + 1 after n failed ones.</summary>
    public required int Attempt { get; init; }

    /// <summary>
    /// Gets the stage change of a <see cref="LeadKitOutboxEventKinds.StageChanged"/> event (without its actor and reason,
    /// which may be personal data and stay in the funnel history), or <see langword="null"/> for other kinds.
    /// </summary>
    public StageChange? StageChange { get; init; }
}
