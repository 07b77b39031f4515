using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Routing;

/// <summary>
/// What one routing decision (or a release) changes in the ledger, as the new plain values: one rep's counters and,
/// when the rep came from a pool, that pool's rotation. A store applies it atomically if the ledger is still at
/// <see cref="ExpectedVersion"/> (see <see cref="IRoutingLedgerStore.RecordAsync"/>).
/// </summary>
public sealed record RoutingLedgerChange
{
    /// <summary>Gets the ledger version the change was decided from.</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>Gets the rep whose counters change.</summary>
    public required SalesRepId RepId { get; init => field = value.IsDefault ? throw new ArgumentException("RepId must be set.", nameof(RepId)) : value; }

    /// <summary>Gets the rep's counters after the change.</summary>
    public required RepCounters Counters { get; init; }

    /// <summary>Gets the pool's rotation after the change (only the weighted counts that change), or <see langword="null"/>.</summary>
    public PoolRotation? Pool { get; init; }
}
