using System.Collections.Concurrent;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Funnel.Store;

/// <summary>An in-memory, thread-safe <see cref="IFunnelStore"/> for embedding and tests; use it through a <see cref="Workflow.FunnelWorkflow"/>.</summary>
/// <remarks>
/// <para>
/// Thread-safe and lock-free. Each lead's state is an immutable value swapped by compare-and-swap: a commit replaces
/// the stored state only if it is still the one at the expected version, so of concurrent commits on one version
/// exactly one wins and the others get <see cref="FunnelCommitOutcome.Conflict"/>; no transition is lost or applied twice.
/// </para>
/// <para>Every call completes synchronously. A query scans every lead (O(n log n) per page); a database store uses an index instead.</para>
/// </remarks>
public sealed class InMemoryFunnelStore : IFunnelStore
{
    private readonly ConcurrentDictionary<LeadId, FunnelState> _states = new();

    /// <summary>Gets the number of leads in the store.</summary>
    public int Count => _states.Count;

    /// <inheritdoc />
    public ValueTask<FunnelState?> GetAsync(LeadId leadId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_states.TryGetValue(leadId, out var state) ? state : null);
    }

    /// <inheritdoc />
    public ValueTask<bool> AddAsync(FunnelState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_states.TryAdd(state.LeadId, state));
    }

    /// <inheritdoc />
    public ValueTask<FunnelCommitResult> CommitAsync(FunnelState newState, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newState);
        if (newState.Version != expectedVersion + 1)
        {
            throw new ArgumentException(FormattableString.Invariant($"newState.Version is {newState.Version}; a commit adds one transition, so it must be expectedVersion + 1 = {expectedVersion + 1}."), nameof(newState));
        }

        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            if (!_states.TryGetValue(newState.LeadId, out var current))
            {
                return ValueTask.FromResult(FunnelCommitResult.NotFound);
            }

            if (current.Version != expectedVersion)
            {
                return ValueTask.FromResult(FunnelCommitResult.Conflict(current));
            }

            // Versions only grow, so the state read is still current exactly when this succeeds (no ABA).
            if (_states.TryUpdate(newState.LeadId, newState, current))
            {
                return ValueTask.FromResult(FunnelCommitResult.Committed(newState));
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<FunnelPage> QueryInStageAsync(FunnelStageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var matches = new List<FunnelState>();
        foreach (var pair in _states)
        {
            if (query.Matches(pair.Value))
            {
                matches.Add(pair.Value);
            }
        }

        matches.Sort(KeyOrder);
        return ValueTask.FromResult(FunnelPage.Create(matches, query));
    }

    // FunnelPageKey's order (instant entered, then lead id ordinal) without allocating a key per comparison.
    private static int KeyOrder(FunnelState a, FunnelState b)
    {
        var byTime = a.EnteredAt.UtcTicks.CompareTo(b.EnteredAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.LeadId.Value, b.LeadId.Value);
    }
}
