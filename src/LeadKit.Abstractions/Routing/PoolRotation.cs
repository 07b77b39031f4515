using System.Collections.Immutable;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Routing;

/// <summary>
/// A rep pool's rotation in a routing ledger, keyed by the pool's name (e.g. <c>team:emea/RoundRobin</c>) so it
/// survives a new plan with a changed team: round robin continues after <see cref="LastRep"/>; weighted round robin
/// keeps <see cref="Assignments"/> (its schedule's "time") and each rep's count.
/// </summary>
/// <remarks>
/// In a <see cref="RoutingLedgerChange"/>, <see cref="WeightedCounts"/> holds only the counts to set; the others stay.
/// </remarks>
public sealed record PoolRotation
{
    /// <summary>Gets the pool's name.</summary>
    public required string Name { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A pool needs a name.", nameof(Name)) : value; }

    /// <summary>Gets the last rep chosen in the pool; the default (unset) id when none yet.</summary>
    public SalesRepId LastRep { get; init; }

    /// <summary>Gets the leads weighted selection assigned in this pool, 0 to <see cref="RoutingLedgerSnapshot.MaximumCount"/>.</summary>
    public long Assignments { get => field; init => field = value is >= 0 and <= RoutingLedgerSnapshot.MaximumCount ? value : throw new ArgumentOutOfRangeException(nameof(Assignments), value, "Assignments must be 0 to RoutingLedgerSnapshot.MaximumCount."); }

    /// <summary>Gets each rep's count of this pool's weighted assignments (at most <see cref="Assignments"/> each).</summary>
    /// <value>Defaults to empty.</value>
    public ImmutableDictionary<SalesRepId, long> WeightedCounts { get; init => field = value ?? ImmutableDictionary<SalesRepId, long>.Empty; } = ImmutableDictionary<SalesRepId, long>.Empty;
}
