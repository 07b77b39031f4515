using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using LeadKit.EntityFrameworkCore.Model;
using LeadKit.EntityFrameworkCore.Outbox;
using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Funnel;

/// <summary>
/// An <see cref="IFunnelStore"/> in the application's database, through its <typeparamref name="TContext"/> (whose model
/// called <c>modelBuilder.AddLeadKit()</c>): one row per lead with its current stage and version, and one immutable
/// history row per stage change, and with each change its outbox event (delivered by
/// <see cref="LeadKitOutboxDispatcher{TContext}"/>) in the same transaction.
/// </summary>
/// <typeparam name="TContext">The application's context.</typeparam>
/// <remarks>
/// <para>
/// Each call uses its own context from the factory, so the store is thread-safe and can be a singleton.
/// <see cref="CommitAsync"/> runs one transaction: <c>UPDATE funnel_leads SET … WHERE lead_id = @id AND version = @expected</c>
/// (the version check and, on PostgreSQL, the row lock that makes a concurrent commit of the same version wait and then
/// match no row) and the insert of the history row keyed by (lead, version), whose uniqueness is the last line of
/// defence: a duplicate there is reported as a <see cref="FunnelCommitOutcome.Conflict"/>, never as a second row.
/// </para>
/// <para>
/// Database failures are thrown as <see cref="LeadKitStoreException"/> naming the operation (nothing committed); a
/// cancelled call throws <see cref="OperationCanceledException"/>.
/// A context whose model lacks <c>modelBuilder.AddLeadKit()</c> makes every call throw <see cref="InvalidOperationException"/> saying so.
/// </para>
/// </remarks>
public sealed class EntityFrameworkFunnelStore<TContext> : IFunnelStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    /// <summary>Creates the store.</summary>
    /// <param name="contexts">Creates the application's contexts (register it with <c>AddDbContextFactory</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="contexts"/> is null.</exception>
    public EntityFrameworkFunnelStore(IDbContextFactory<TContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        _contexts = contexts;
    }

    /// <inheritdoc />
    public async ValueTask<FunnelState?> GetAsync(LeadId leadId, CancellationToken cancellationToken = default)
    {
        var id = RequireId(leadId);
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            return await ReadAsync(context, id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
        {
            throw Failure("IFunnelStore.GetAsync", e, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> AddAsync(FunnelState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        var id = state.LeadId.Value!;
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            await using (var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await context.Set<FunnelLeadRow>().AnyAsync(r => r.LeadId == id, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                context.Add(LeadRow(state));
                var version = 0L;
                foreach (var change in state.History)
                {
                    context.Add(HistoryRow(id, ++version, change));
                    context.Add(EventRow(id, version, change));
                }

                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        catch (DbUpdateException e)
        {
            // A concurrent AddAsync of the same lead won the insert: the lead exists now, which is "already there".
            cancellationToken.ThrowIfCancellationRequested();
            if (await ExistsAsync(id, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw Failure("IFunnelStore.AddAsync", e, cancellationToken);
        }
        catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
        {
            throw Failure("IFunnelStore.AddAsync", e, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask<FunnelCommitResult> CommitAsync(FunnelState newState, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newState);
        if (newState.LastChange is not { } change || newState.Version != expectedVersion + 1)
        {
            throw new ArgumentException($"newState must be one stage change after expectedVersion {expectedVersion} (its version is {newState.Version}).", nameof(newState));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var id = newState.LeadId.Value!;
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            await using (var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                var stage = newState.Stage.Value!;
                var version = newState.Version;
                var enteredTicks = StoredTime.UtcTicks(newState.EnteredAt);
                var enteredOffset = StoredTime.OffsetMinutes(newState.EnteredAt);
                var moved = await context.Set<FunnelLeadRow>()
                    .Where(r => r.LeadId == id && r.Version == expectedVersion)
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(r => r.Stage, stage)
                            .SetProperty(r => r.Version, version)
                            .SetProperty(r => r.EnteredAtUtcTicks, enteredTicks)
                            .SetProperty(r => r.EnteredAtOffsetMinutes, enteredOffset),
                        cancellationToken)
                    .ConfigureAwait(false);
                if (moved == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    var current = await ReadAsync(context, id, cancellationToken).ConfigureAwait(false);
                    return current is null ? FunnelCommitResult.NotFound : FunnelCommitResult.Conflict(current);
                }

                context.Add(HistoryRow(id, version, change));
                context.Add(EventRow(id, version, change));
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return FunnelCommitResult.Committed(newState);
            }
        }
        catch (DbUpdateException e)
        {
            // The unique (lead, version) key refused the history row: that version is someone else's, so nothing of this
            // commit was kept (the transaction rolled back) and the caller must read again, as for any conflict.
            cancellationToken.ThrowIfCancellationRequested();
            return await AfterDuplicateAsync(id, newState.Version, e, cancellationToken).ConfigureAwait(false)
                ?? throw Failure("IFunnelStore.CommitAsync", e, cancellationToken);
        }
        catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
        {
            throw Failure("IFunnelStore.CommitAsync", e, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask<FunnelPage> QueryInStageAsync(FunnelStageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            var stage = query.Stage.Value!;
            var before = StoredTime.UtcTicks(query.EnteredBefore);
            var byteOrder = DatabaseDialect.NeedsByteCollation(context);
            var rows = context.Set<FunnelLeadRow>().AsNoTracking().Where(r => r.Stage == stage && r.EnteredAtUtcTicks < before);
            if (query.After is { } after)
            {
                var ticks = after.EnteredAt.UtcTicks;
                var afterId = after.LeadId.Value!;

                // The collation is a literal: EF Core needs it constant in the SQL.
                rows = byteOrder
                    ? rows.Where(r => r.EnteredAtUtcTicks > ticks || (r.EnteredAtUtcTicks == ticks && string.Compare(EF.Functions.Collate(r.LeadId, "C"), afterId) > 0))
                    : rows.Where(r => r.EnteredAtUtcTicks > ticks || (r.EnteredAtUtcTicks == ticks && string.Compare(r.LeadId, afterId) > 0));
            }

            var ordered = byteOrder
                ? rows.OrderBy(r => r.EnteredAtUtcTicks).ThenBy(r => EF.Functions.Collate(r.LeadId, "C"))
                : rows.OrderBy(r => r.EnteredAtUtcTicks).ThenBy(r => r.LeadId);
            var leads = await ordered.Take(query.PageSize + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
            var ids = leads.Select(r => r.LeadId).ToList();
            var history = (await context.Set<FunnelHistoryRow>().AsNoTracking()
                    .Where(h => ids.Contains(h.LeadId))
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false))
                .ToLookup(h => h.LeadId, StringComparer.Ordinal);
            var states = leads.ConvertAll(lead => Rebuild(lead, history[lead.LeadId].Where(h => h.Version <= lead.Version).OrderBy(h => h.Version)));
            return FunnelPage.Create(states, query);
        }
        catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
        {
            throw Failure("IFunnelStore.QueryInStageAsync", e, cancellationToken);
        }
    }

    private static string RequireId(LeadId leadId)
        => leadId.Value ?? throw new ArgumentException("leadId must be set (was the default LeadId).", nameof(leadId));

    private static async Task<FunnelState?> ReadAsync(TContext context, string id, CancellationToken cancellationToken)
    {
        // No transaction needed: history rows are immutable and committed with the lead row that counts them, so the
        // rows up to the lead row's version are all there once that version is visible.
        var lead = await context.Set<FunnelLeadRow>().AsNoTracking().SingleOrDefaultAsync(r => r.LeadId == id, cancellationToken).ConfigureAwait(false);
        if (lead is null)
        {
            return null;
        }

        var version = lead.Version;
        var history = await context.Set<FunnelHistoryRow>().AsNoTracking()
            .Where(h => h.LeadId == id && h.Version <= version)
            .OrderBy(h => h.Version)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return Rebuild(lead, history);
    }

    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        return await context.Set<FunnelLeadRow>().AnyAsync(r => r.LeadId == id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FunnelCommitResult?> AfterDuplicateAsync(string id, long version, DbUpdateException failure, CancellationToken cancellationToken)
    {
        try
        {
            await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
            if (!await context.Set<FunnelHistoryRow>().AnyAsync(h => h.LeadId == id && h.Version == version, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var current = await ReadAsync(context, id, cancellationToken).ConfigureAwait(false);
            return current is null ? FunnelCommitResult.NotFound : FunnelCommitResult.Conflict(current);
        }
        catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
        {
            throw Failure("IFunnelStore.CommitAsync", new AggregateException(failure, e), cancellationToken);
        }
    }

    private static FunnelState Rebuild(FunnelLeadRow lead, IEnumerable<FunnelHistoryRow> history)
    {
        try
        {
            var state = FunnelState.Start(new LeadId(lead.LeadId), new FunnelStage(lead.InitialStage), StoredTime.Read(lead.StartedAtUtcTicks, lead.StartedAtOffsetMinutes));
            foreach (var row in history)
            {
                if (row.Version != state.Version + 1)
                {
                    throw Inconsistent();
                }

                state = state.Append(new StageChange
                {
                    From = new FunnelStage(row.FromStage),
                    To = new FunnelStage(row.ToStage),
                    Trigger = new FunnelTrigger(row.Trigger),
                    OccurredAt = StoredTime.Read(row.OccurredAtUtcTicks, row.OccurredAtOffsetMinutes),
                    Actor = row.Actor,
                    Reason = row.Reason,
                    IsOverride = row.IsOverride,
                });
            }

            if (state.Version != lead.Version || state.Stage != new FunnelStage(lead.Stage) || state.EnteredAt.UtcTicks != lead.EnteredAtUtcTicks)
            {
                throw Inconsistent();
            }

            return state;
        }
        catch (ArgumentException e)
        {
            throw new LeadKitStoreException("A stored funnel row holds a value LeadKit does not accept (a stage, trigger or time); the rows were changed outside LeadKit.", e);
        }

        static LeadKitStoreException Inconsistent()
            => new("A lead's stored funnel history does not add up to its current row (missing or extra versions); the rows were changed outside LeadKit.");
    }

    private static FunnelLeadRow LeadRow(FunnelState state) => new()
    {
        LeadId = state.LeadId.Value!,
        InitialStage = state.InitialStage.Value!,
        StartedAtUtcTicks = StoredTime.UtcTicks(state.StartedAt),
        StartedAtOffsetMinutes = StoredTime.OffsetMinutes(state.StartedAt),
        Stage = state.Stage.Value!,
        Version = state.Version,
        EnteredAtUtcTicks = StoredTime.UtcTicks(state.EnteredAt),
        EnteredAtOffsetMinutes = StoredTime.OffsetMinutes(state.EnteredAt),
    };

    private static FunnelHistoryRow HistoryRow(string id, long version, StageChange change) => new()
    {
        LeadId = id,
        Version = version,
        FromStage = change.From.Value!,
        ToStage = change.To.Value!,
        Trigger = change.Trigger.Value!,
        OccurredAtUtcTicks = StoredTime.UtcTicks(change.OccurredAt),
        OccurredAtOffsetMinutes = StoredTime.OffsetMinutes(change.OccurredAt),
        Actor = change.Actor,
        Reason = change.Reason,
        IsOverride = change.IsOverride,
    };

    // The outbox event of a stage change, in the change's transaction: a lost race rolls both back, so no event without a change.
    private static OutboxEventRow EventRow(string id, long version, StageChange change) => new()
    {
        Id = Guid.CreateVersion7(),
        LeadId = id,
        Sequence = version,
        Kind = LeadKitOutboxEventKinds.StageChanged,
        Payload = StageChangedPayload.Write(change),
        CreatedAtUtcTicks = StoredTime.UtcTicks(change.OccurredAt),
    };

    private static Exception Failure(string operation, Exception exception, CancellationToken cancellationToken)
        => cancellationToken.IsCancellationRequested
            ? new OperationCanceledException($"{operation} was cancelled.", exception, cancellationToken)
            : LeadKitStoreException.Failed(operation, exception);
}
