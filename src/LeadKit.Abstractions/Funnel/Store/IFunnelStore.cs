using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Funnel.Store;

/// <summary>
/// Where leads' funnel states live (memory, a database): read a state, add a new lead, commit one transition with a
/// version check, and page through the leads in a stage. It knows nothing of funnel definitions: LeadKit.Funnel's
/// <c>FunnelWorkflow</c> decides the transition, commits it here and runs stage actions and observers after the commit.
/// </summary>
/// <remarks>
/// <para>
/// Implementations must be thread-safe. <see cref="CommitAsync"/> is all-or-nothing: it compares the stored version with
/// the expected one and, on a match, stores the new state (a durable store appends <c>newState.LastChange</c> as the history
/// row keyed by lead and <c>newState.Version</c>, which is unique, and moves the lead's current row); otherwise it returns
/// <see cref="FunnelCommitOutcome.Conflict"/> with the stored state and changes nothing. Of concurrent commits on one
/// version exactly one wins.
/// </para>
/// <para>A cancelled call throws <see cref="OperationCanceledException"/> and changes nothing, or has fully committed before the cancellation was seen.</para>
/// </remarks>
public interface IFunnelStore
{
    /// <summary>Reads a lead's current state.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or <see langword="null"/> when the store does not have the lead.</returns>
    ValueTask<FunnelState?> GetAsync(LeadId leadId, CancellationToken cancellationToken = default);

    /// <summary>Adds a lead's state (a new lead, a recycled lead, a lead imported with its history).</summary>
    /// <param name="state">The state to store as it is.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when added; <see langword="false"/> when the store already has the lead (nothing changed).</returns>
    ValueTask<bool> AddAsync(FunnelState state, CancellationToken cancellationToken = default);

    /// <summary>Commits one transition if the lead is still at the version the transition was decided on.</summary>
    /// <param name="newState">The state after the transition: the stored state at <paramref name="expectedVersion"/> plus one history entry.</param>
    /// <param name="expectedVersion">The version the transition was decided on; <c>newState.Version</c> must be one more.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// <see cref="FunnelCommitOutcome.Committed"/> with <paramref name="newState"/>; <see cref="FunnelCommitOutcome.Conflict"/> with
    /// the stored state when its version is not <paramref name="expectedVersion"/>; <see cref="FunnelCommitOutcome.NotFound"/>
    /// when the store does not have the lead.
    /// </returns>
    /// <exception cref="ArgumentException"><c>newState.Version</c> is not <paramref name="expectedVersion"/> + 1 (or it has no last change).</exception>
    ValueTask<FunnelCommitResult> CommitAsync(FunnelState newState, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of the leads currently in a stage that entered it before a moment (SLA breaches, time in stage).</summary>
    /// <param name="query">The stage, the moment, the page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, in <see cref="FunnelPageKey"/> order (longest in the stage first).</returns>
    ValueTask<FunnelPage> QueryInStageAsync(FunnelStageQuery query, CancellationToken cancellationToken = default);
}
