namespace LeadKit.EntityFrameworkCore.Outbox;

/// <summary>
/// Receives the outbox's events from <see cref="LeadKitOutboxDispatcher{TContext}"/>: at least once (a crash or a failure
/// of any handler means the event is delivered again, to every handler), in order per lead and kind. Implementations
/// must be idempotent by <see cref="LeadKitOutboxEvent.Id"/> and thread-safe.
/// </summary>
public interface ILeadKitOutboxHandler
{
    /// <summary>Handles one event; throwing makes the dispatcher retry it later (with backoff) before the lead's next event.</summary>
    /// <param name="outboxEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the dispatcher stops.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    ValueTask HandleAsync(LeadKitOutboxEvent outboxEvent, CancellationToken cancellationToken);
}
