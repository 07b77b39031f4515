namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>
/// One event in the transactional outbox, written in the transaction of the change it reports and updated only by the
/// dispatcher (claim, failure, delivery). Unique on (lead, kind, sequence): a change is reported once.
/// </summary>
internal sealed class OutboxEventRow
{
    /// <summary>The event's id: the idempotency key handlers see.</summary>
    public Guid Id { get; set; }

    public required string LeadId { get; set; }

    /// <summary>The lead's order of events of this kind (the funnel version for stage changes).</summary>
    public long Sequence { get; set; }

    public required string Kind { get; set; }

    /// <summary>The event as JSON: ids, stage and trigger names, instants; never free text or personal data.</summary>
    public required string Payload { get; set; }

    public long CreatedAtUtcTicks { get; set; }

    /// <summary>How many deliveries failed so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The earliest instant of the next delivery (0 until the first failure: due at once).</summary>
    public long NextAttemptAtUtcTicks { get; set; }

    /// <summary>When a dispatcher's lease on the row ends (0: never claimed); a dispatcher claims only rows whose lease is over.</summary>
    public long ClaimedUntilUtcTicks { get; set; }

    /// <summary>When every handler accepted the event; <see langword="null"/> while it is pending.</summary>
    public long? DeliveredAtUtcTicks { get; set; }

    /// <summary>The type name of the last failure's exception (never its message, which may hold personal data).</summary>
    public string? LastError { get; set; }
}
