using System.Collections.Immutable;
using System.Data;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.EntityFrameworkCore.Model;
using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Routing;

/// <summary>
/// An <see cref="IRoutingLedgerStore"/> in the application's database, through its <typeparamref name="TContext"/> (whose
/// model called <c>modelBuilder.AddLeadKit()</c>): a head row with the ledger's version, one row per rep's counters, one
/// per pool's rotation and one per pool and rep weighted count. Routers share it
/// exactly: all coordination is in the database.
/// </summary>
/// <typeparam name="TContext">The application's context.</typeparam>
/// <remarks>
/// <para>
/// <see cref="RecordAsync"/> runs one transaction that starts with
/// <c>UPDATE routing_ledger SET version = version + 1 WHERE id = 1 AND version = @expected</c>: matching no row is a
/// <see cref="RoutingLedgerRecordOutcome.Conflict"/>. That one statement is both the version check and the lock that
/// serializes writers: on PostgreSQL it row-locks the head until commit (a rival's update waits, then re-reads the
/// row, sees the new version and matches nothing), on SQLite the transaction is <c>BEGIN IMMEDIATE</c> (one writer at a
/// time). The counter rows are then written under that lock. <see cref="ReadAsync"/> reads all rows in one
/// repeatable-read transaction, so the snapshot is one version's.
/// </para>
/// <para>
/// Each call uses its own context from the factory, so the store is thread-safe and can be a singleton. Database failures
/// are thrown as <see cref="LeadKitStoreException"/> naming the operation (nothing recorded); a cancelled call throws
/// <see cref="OperationCanceledException"/>.
/// A context whose model lacks <c>modelBuilder.AddLeadKit()</c> makes every call throw <see cref="InvalidOperationException"/> saying so.
/// </para>
/// </remarks>
public sealed class EntityFrameworkRoutingLedgerStore<TContext> : IRoutingLedgerStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    /// <summary>Creates the store.</summary>
    /// <param name="contexts">Creates the application's contexts (register it with <c>AddDbContextFactory</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="contexts"/> is null.</exception>
    public EntityFrameworkRoutingLedgerStore(IDbContextFactory<TContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        _contexts = contexts;
    }

    /// <inheritdoc />
    public async ValueTask<RoutingLedgerSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            var head = await context.Set<RoutingLedgerRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == RoutingLedgerRow.DefaultId, cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                return RoutingLedgerSnapshot.Empty;
            }

            var reps = await context.Set<RoutingRepRow>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var pools = await context.Set<RoutingPoolRow>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var counts = (await context.Set<RoutingPoolCountRow>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
                .ToLookup(c => c.PoolName, StringComparer.Ordinal);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return Snapshot(head.Version, reps, pools, counts);
        }
        catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
        {
            throw Failure("IRoutingLedgerStore.ReadAsync", e, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask<RoutingLedgerRecordOutcome> RecordAsync(RoutingLedgerChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var expected = change.ExpectedVersion;
            var next = expected + 1;
            var moved = await context.Set<RoutingLedgerRow>()
                .Where(r => r.Id == RoutingLedgerRow.DefaultId && r.Version == expected)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Version, next), cancellationToken)
                .ConfigureAwait(false);
            if (moved == 0)
            {
                // A new ledger has no head row yet: the first change creates it (a rival creating it too gets a key violation).
                if (expected != 0 || await context.Set<RoutingLedgerRow>().AnyAsync(r => r.Id == RoutingLedgerRow.DefaultId, cancellationToken).ConfigureAwait(false))
                {
                    return RoutingLedgerRecordOutcome.Conflict;
                }

                context.Add(new RoutingLedgerRow { Id = RoutingLedgerRow.DefaultId, Version = 1 });
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            await WriteRepAsync(context, change, cancellationToken).ConfigureAwait(false);
            if (change.Pool is { } pool)
            {
                await WritePoolAsync(context, pool, cancellationToken).ConfigureAwait(false);
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return RoutingLedgerRecordOutcome.Recorded;
        }
        catch (DbUpdateException e) when (change.ExpectedVersion == 0)
        {
            // Two first changes raced to create the head row and this one lost: a conflict, if the head is really there.
            cancellationToken.ThrowIfCancellationRequested();
            if (await HeadExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                return RoutingLedgerRecordOutcome.Conflict;
            }

            throw Failure("IRoutingLedgerStore.RecordAsync", e, cancellationToken);
        }
        catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
        {
            throw Failure("IRoutingLedgerStore.RecordAsync", e, cancellationToken);
        }
    }

    private static async Task WriteRepAsync(TContext context, RoutingLedgerChange change, CancellationToken cancellationToken)
    {
        var repId = change.RepId.Value!;
        var counters = change.Counters;
        var assigned = counters.Assigned;
        var open = counters.Open;
        int? periodStart = counters.PeriodStart?.DayNumber;
        var inPeriod = counters.AssignedInPeriod;
        var updated = await context.Set<RoutingRepRow>()
            .Where(r => r.RepId == repId)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.Assigned, assigned)
                    .SetProperty(r => r.Open, open)
                    .SetProperty(r => r.PeriodStartDayNumber, periodStart)
                    .SetProperty(r => r.AssignedInPeriod, inPeriod),
                cancellationToken)
            .ConfigureAwait(false);
        if (updated == 0)
        {
            context.Add(new RoutingRepRow { RepId = repId, Assigned = assigned, Open = open, PeriodStartDayNumber = periodStart, AssignedInPeriod = inPeriod });
        }
    }

    private static async Task WritePoolAsync(TContext context, PoolRotation pool, CancellationToken cancellationToken)
    {
        var name = pool.Name;
        var lastRep = pool.LastRep.Value;
        var assignments = pool.Assignments;
        var updated = await context.Set<RoutingPoolRow>()
            .Where(r => r.Name == name)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LastRep, lastRep).SetProperty(r => r.Assignments, assignments), cancellationToken)
            .ConfigureAwait(false);
        if (updated == 0)
        {
            context.Add(new RoutingPoolRow { Name = name, LastRep = lastRep, Assignments = assignments });
        }

        // The change carries only the weighted counts it sets; the others stay (RoutingLedgerSnapshot.Apply).
        foreach (var (rep, count) in pool.WeightedCounts)
        {
            var repId = rep.Value!;
            var set = await context.Set<RoutingPoolCountRow>()
                .Where(r => r.PoolName == name && r.RepId == repId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, count), cancellationToken)
                .ConfigureAwait(false);
            if (set == 0)
            {
                context.Add(new RoutingPoolCountRow { PoolName = name, RepId = repId, Count = count });
            }
        }
    }

    private async Task<bool> HeadExistsAsync(CancellationToken cancellationToken)
    {
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        return await context.Set<RoutingLedgerRow>().AnyAsync(r => r.Id == RoutingLedgerRow.DefaultId, cancellationToken).ConfigureAwait(false);
    }

    private static RoutingLedgerSnapshot Snapshot(long version, List<RoutingRepRow> reps, List<RoutingPoolRow> pools, ILookup<string, RoutingPoolCountRow> counts)
    {
        try
        {
            var repCounters = ImmutableDictionary.CreateBuilder<SalesRepId, RepCounters>();
            foreach (var rep in reps)
            {
                repCounters[new SalesRepId(rep.RepId)] = new RepCounters
                {
                    Assigned = rep.Assigned,
                    Open = rep.Open,
                    PeriodStart = rep.PeriodStartDayNumber is { } day ? DateOnly.FromDayNumber(day) : null,
                    AssignedInPeriod = rep.AssignedInPeriod,
                };
            }

            var rotations = ImmutableDictionary.CreateBuilder<string, PoolRotation>(StringComparer.Ordinal);
            foreach (var pool in pools)
            {
                rotations[pool.Name] = new PoolRotation
                {
                    Name = pool.Name,
                    LastRep = pool.LastRep is { } last ? new SalesRepId(last) : default,
                    Assignments = pool.Assignments,
                    WeightedCounts = counts[pool.Name].ToImmutableDictionary(c => new SalesRepId(c.RepId), c => c.Count),
                };
            }

            return new RoutingLedgerSnapshot(version, repCounters.ToImmutable(), rotations.ToImmutable());
        }
        catch (ArgumentException e)
        {
            throw new LeadKitStoreException("A stored routing ledger row holds a value LeadKit does not accept (a negative counter, a blank id); the rows were changed outside LeadKit.", e);
        }
    }

    private static Exception Failure(string operation, Exception exception, CancellationToken cancellationToken)
        => cancellationToken.IsCancellationRequested
            ? new OperationCanceledException($"{operation} was cancelled.", exception, cancellationToken)
            : LeadKitStoreException.Failed(operation, exception);
}
