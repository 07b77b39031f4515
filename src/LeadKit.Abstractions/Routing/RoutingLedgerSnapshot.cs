using System.Collections.Immutable;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Routing;

/// <summary>
/// A read-only view of a routing ledger at one version: each rep's counters and each pool's rotation, as plain
/// values. Plans decide from it without changing it; <see cref="Apply"/> gives the next snapshot after a change.
/// </summary>
/// <remarks>Immutable and thread-safe. Reps and pools absent from the dictionaries have never been counted.</remarks>
public sealed class RoutingLedgerSnapshot
{
    /// <summary>
    /// The largest value of a rep's total assigned, a pool's assignments and a rep's weighted count (one hundred
    /// billion). A rep or pool at the limit takes no more leads; the cap keeps weighted selection's exact integer
    /// arithmetic (total weight x count) inside a 64-bit number.
    /// </summary>
    public const long MaximumCount = 100_000_000_000;

    /// <summary>Creates a snapshot.</summary>
    /// <param name="version">The ledger's version (0 for a new ledger); a change recorded against it makes <paramref name="version"/> + 1.</param>
    /// <param name="reps">Each counted rep's counters.</param>
    /// <param name="pools">Each pool's rotation, keyed by <see cref="PoolRotation.Name"/>.</param>
    /// <exception cref="ArgumentNullException">A dictionary is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is negative.</exception>
    public RoutingLedgerSnapshot(long version, ImmutableDictionary<SalesRepId, RepCounters> reps, ImmutableDictionary<string, PoolRotation> pools)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(pools);
        Version = version;
        Reps = reps;
        Pools = pools;
    }

    /// <summary>Gets an empty ledger at version 0.</summary>
    public static RoutingLedgerSnapshot Empty { get; } = new(0, ImmutableDictionary<SalesRepId, RepCounters>.Empty, ImmutableDictionary.Create<string, PoolRotation>(StringComparer.Ordinal));

    /// <summary>Gets the ledger's version.</summary>
    public long Version { get; }

    /// <summary>Gets each counted rep's counters.</summary>
    public ImmutableDictionary<SalesRepId, RepCounters> Reps { get; }

    /// <summary>Gets each pool's rotation by name.</summary>
    public ImmutableDictionary<string, PoolRotation> Pools { get; }

    /// <summary>Gets the number of leads assigned in total (the sum of every rep's <see cref="RepCounters.Assigned"/>).</summary>
    public long TotalAssigned
    {
        get
        {
            long total = 0;
            foreach (var counters in Reps.Values)
            {
                total += counters.Assigned;
            }

            return total;
        }
    }

    /// <summary>Reads a rep's counters.</summary>
    /// <param name="repId">The rep.</param>
    /// <returns>The counters; all zero for a rep never counted.</returns>
    public RepCounters GetCounters(SalesRepId repId) => !Reps.IsEmpty && Reps.TryGetValue(repId, out var counters) ? counters : default;

    /// <summary>Reads a pool's rotation.</summary>
    /// <param name="name">The pool's name.</param>
    /// <returns>The rotation, or <see langword="null"/> for a pool that never chose.</returns>
    public PoolRotation? GetPool(string name) => Pools.TryGetValue(name, out var pool) ? pool : null;

    /// <summary>
    /// Applies a change: the rep's counters become <see cref="RoutingLedgerChange.Counters"/>; the pool's last rep and
    /// assignments become the change's, and its weighted counts are set for the reps the change names (others stay).
    /// </summary>
    /// <param name="change">The change; its <see cref="RoutingLedgerChange.ExpectedVersion"/> must be this <see cref="Version"/>.</param>
    /// <returns>The snapshot at <see cref="Version"/> + 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The change was decided from another version.</exception>
    public RoutingLedgerSnapshot Apply(RoutingLedgerChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.ExpectedVersion != Version)
        {
            throw new InvalidOperationException("The change was decided from another ledger version; read the ledger again and re-decide.");
        }

        var pools = Pools;
        if (change.Pool is { } pool)
        {
            var weights = !Pools.TryGetValue(pool.Name, out var current) || current.WeightedCounts.IsEmpty ? pool.WeightedCounts : Merge(current.WeightedCounts, pool.WeightedCounts);

            // Round robin and load balancing keep no weighted counts: the change's rotation is stored as it is, without a copy.
            pools = pools.SetItem(pool.Name, ReferenceEquals(weights, pool.WeightedCounts) ? pool : pool with { WeightedCounts = weights });
        }

        return new(Version + 1, Reps.SetItem(change.RepId, change.Counters), pools);
    }

    // Weighted round robin's usual change sets one count: SetItem, without SetItems' enumerator and builder.
    private static ImmutableDictionary<SalesRepId, long> Merge(ImmutableDictionary<SalesRepId, long> current, ImmutableDictionary<SalesRepId, long> changed)
    {
        if (changed.Count != 1)
        {
            return current.SetItems(changed);
        }

        using var only = changed.GetEnumerator();
        only.MoveNext();
        return current.SetItem(only.Current.Key, only.Current.Value);
    }
}
