namespace LeadKit.Abstractions.Routing;

/// <summary>
/// Where routing's counters and rotation live (memory, a database): a plan decides from a snapshot read here, and the
/// change it returns is recorded here atomically, only if nobody recorded another change since the snapshot.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. <see cref="RecordAsync"/> is all-or-nothing: it compares the ledger's version
/// with <see cref="RoutingLedgerChange.ExpectedVersion"/>, and on a match applies the change as
/// <see cref="RoutingLedgerSnapshot.Apply"/> does and increments the version; otherwise it returns
/// <see cref="RoutingLedgerRecordOutcome.Conflict"/> and changes nothing.
/// </remarks>
public interface IRoutingLedgerStore
{
    /// <summary>Reads a consistent snapshot of the whole ledger.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot; later changes never alter it.</returns>
    ValueTask<RoutingLedgerSnapshot> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a change if the ledger is still at its expected version.</summary>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is applied then).</param>
    /// <returns><see cref="RoutingLedgerRecordOutcome.Recorded"/>, or <see cref="RoutingLedgerRecordOutcome.Conflict"/> when the version moved.</returns>
    ValueTask<RoutingLedgerRecordOutcome> RecordAsync(RoutingLedgerChange change, CancellationToken cancellationToken = default);
}
