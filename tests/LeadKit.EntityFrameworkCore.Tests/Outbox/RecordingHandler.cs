using System.Collections.Concurrent;
using LeadKit.EntityFrameworkCore.Outbox;

namespace LeadKit.EntityFrameworkCore.Tests.Outbox;

/// <summary>Records every event it accepts, in the order accepted; fails an event while <see cref="Fail"/> says so.</summary>
public sealed class RecordingHandler : ILeadKitOutboxHandler
{
    private readonly ConcurrentQueue<LeadKitOutboxEvent> _accepted = new();
    private readonly ConcurrentQueue<LeadKitOutboxEvent> _seen = new();

    /// <summary>Gets or sets whether an event fails (throws <see cref="TimeoutException"/>); none unless set.</summary>
    public Func<LeadKitOutboxEvent, bool> Fail { get; set; } = _ => false;

    /// <summary>Gets the events accepted, in order.</summary>
    public IReadOnlyList<LeadKitOutboxEvent> Accepted => [.. _accepted];

    /// <summary>Gets every delivery attempt, failed ones included, in order.</summary>
    public IReadOnlyList<LeadKitOutboxEvent> Seen => [.. _seen];

    public ValueTask HandleAsync(LeadKitOutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        _seen.Enqueue(outboxEvent);
        if (Fail(outboxEvent))
        {
            throw new TimeoutException("The downstream system did not answer.");
        }

        _accepted.Enqueue(outboxEvent);
        return ValueTask.CompletedTask;
    }
}
