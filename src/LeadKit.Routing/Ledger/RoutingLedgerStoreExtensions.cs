using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;

namespace LeadKit.Routing.Ledger;

/// <summary>Ledger updates outside routing (a lead released, open leads set from a CRM), for any <see cref="IRoutingLedgerStore"/>.</summary>
public static class RoutingLedgerStoreExtensions
{
    /// <summary>How often an update is re-read and retried when another change was recorded first.</summary>
    public const int MaximumAttempts = 64;

    /// <summary>Records that a rep no longer holds one of their open leads (converted, disqualified or reassigned).</summary>
    /// <param name="store">The ledger.</param>
    /// <param name="repId">The rep.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when recorded.</returns>
    /// <exception cref="InvalidOperationException">The rep holds no open leads (the message does not name the rep), or the ledger kept changing.</exception>
    public static Task ReleaseLeadAsync(this IRoutingLedgerStore store, SalesRepId repId, CancellationToken cancellationToken = default)
        => UpdateAsync(store, repId, static counters => counters.Open == 0
            ? throw new InvalidOperationException("The rep holds no open leads to release (releases must follow assignments or SetOpenLeadsAsync).")
            : counters with { Open = counters.Open - 1 }, cancellationToken);

    /// <summary>
    /// Sets how many open leads a rep holds, e.g. when starting from the numbers in a CRM. A rep holding
    /// <see cref="int.MaxValue"/> open leads is full: no step assigns them another lead until one is released.
    /// </summary>
    /// <param name="store">The ledger.</param>
    /// <param name="repId">The rep.</param>
    /// <param name="open">The number of open leads (not negative).</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when recorded.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="open"/> is negative.</exception>
    public static Task SetOpenLeadsAsync(this IRoutingLedgerStore store, SalesRepId repId, int open, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(open);
        return UpdateAsync(store, repId, counters => counters with { Open = open }, cancellationToken);
    }

    private static async Task UpdateAsync(IRoutingLedgerStore store, SalesRepId repId, Func<RepCounters, RepCounters> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (repId.IsDefault)
        {
            throw new ArgumentException("repId must be set.", nameof(repId));
        }

        for (var attempt = 0; attempt < MaximumAttempts; attempt++)
        {
            var ledger = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
            var change = new RoutingLedgerChange { ExpectedVersion = ledger.Version, RepId = repId, Counters = update(ledger.GetCounters(repId)) };
            if (await store.RecordAsync(change, cancellationToken).ConfigureAwait(false) == RoutingLedgerRecordOutcome.Recorded)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The routing ledger changed under each of {MaximumAttempts} attempts; nothing was recorded.");
    }
}
