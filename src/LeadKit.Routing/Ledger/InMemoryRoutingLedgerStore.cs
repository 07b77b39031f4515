using LeadKit.Abstractions.Routing;

namespace LeadKit.Routing.Ledger;

/// <summary>
/// A routing ledger in memory: reads are lock-free (the current immutable snapshot), and a change is recorded under
/// one lock only if the ledger is still at its expected version, so under concurrent routing every lead is recorded
/// exactly once, capacities are never exceeded and the counts add up. Share one instance between every plan (and
/// plan replacement) that should see the same counts and rotation.
/// </summary>
/// <remarks>Thread-safe. Persist <see cref="Current"/> with <see cref="RoutingLedgerJson"/> and restore through the constructor.</remarks>
public sealed class InMemoryRoutingLedgerStore : IRoutingLedgerStore
{
    private readonly Lock _gate = new();
    private RoutingLedgerSnapshot _current;

    /// <summary>Creates a store.</summary>
    /// <param name="initial">The ledger to start from (e.g. restored with <see cref="RoutingLedgerJson.Read(string)"/>), or <see langword="null"/> for an empty one.</param>
    public InMemoryRoutingLedgerStore(RoutingLedgerSnapshot? initial = null)
    {
        _current = initial ?? RoutingLedgerSnapshot.Empty;
    }

    /// <summary>Gets the current snapshot.</summary>
    public RoutingLedgerSnapshot Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public ValueTask<RoutingLedgerSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Current);
    }

    /// <inheritdoc />
    public ValueTask<RoutingLedgerRecordOutcome> RecordAsync(RoutingLedgerChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_current.Version != change.ExpectedVersion)
            {
                return new(RoutingLedgerRecordOutcome.Conflict);
            }

            Volatile.Write(ref _current, _current.Apply(change));
        }

        return new(RoutingLedgerRecordOutcome.Recorded);
    }
}
