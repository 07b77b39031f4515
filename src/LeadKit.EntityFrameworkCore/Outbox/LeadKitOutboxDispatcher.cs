using LeadKit.Abstractions.Identifiers;
using LeadKit.EntityFrameworkCore.Model;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LeadKit.EntityFrameworkCore.Outbox;

/// <summary>
/// Delivers the transactional outbox of <typeparamref name="TContext"/> (the <c>outbox</c> table that the funnel store
/// writes in each commit's transaction) to the registered <see cref="ILeadKitOutboxHandler"/>s: at least once, in order
/// per lead and kind, retrying failures with exponential backoff. Runs as a hosted service (polling every
/// <see cref="LeadKitOutboxOptions.PollInterval"/>) or one pass at a time through <see cref="DispatchPendingAsync"/>.
/// </summary>
/// <typeparam name="TContext">The application's context (its model called <c>modelBuilder.AddLeadKit()</c>).</typeparam>
/// <remarks>
/// <para>
/// All state is in the table, so a restarted dispatcher, or another instance's, carries on where the last one stopped.
/// An event is due when it is undelivered, its next attempt is due and no earlier event of the same lead and kind is
/// undelivered (so event n + 1 never goes out before n). A dispatcher claims a due event by a conditional update
/// (<c>SET claimed_until = now + lease WHERE id = @id AND delivered_at IS NULL AND claimed_until &lt;= now</c>): of two
/// dispatchers claiming one event, one updates the row and the other matches none, on every provider. The event is
/// then handed to every handler in turn; when all return it is marked delivered, and when one throws, the failure's
/// exception type is recorded, the attempts counted and the event is due again after
/// <c>min(MaxBackoff, InitialBackoff × 2^(attempts − 1))</c>, to every handler again.
/// </para>
/// <para>
/// At least once: a crash between a handler's work and the delivered mark, a failure of a later handler, or a lease that
/// ran out mean a repeat, so handlers must be idempotent by <see cref="LeadKitOutboxEvent.Id"/>.
/// </para>
/// </remarks>
public sealed partial class LeadKitOutboxDispatcher<TContext> : BackgroundService
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;
    private readonly ILeadKitOutboxHandler[] _handlers;
    private readonly LeadKitOutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutboxTelemetry _telemetry;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="contexts">Creates the application's contexts.</param>
    /// <param name="handlers">The handlers every event goes to, in this order.</param>
    /// <param name="options">The polling and retry options.</param>
    /// <param name="timeProvider">The clock for due times, leases and backoff.</param>
    /// <param name="logger">Where failed passes and handler failures are logged; <see langword="null"/> for none.</param>
    /// <param name="meterFactory">
    /// Creates the meter <c>LeadKit.EntityFrameworkCore.Outbox</c> (counters <c>leadkit.outbox.delivered</c> and
    /// <c>leadkit.outbox.failures</c>, tagged with the kind and the exception type); <see langword="null"/> for no metrics.
    /// Each delivery is also an activity <c>leadkit.outbox.deliver</c> of the source of the same name.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="logger"/> and <paramref name="meterFactory"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (<see cref="LeadKitOutboxOptions.Validate"/>).</exception>
    public LeadKitOutboxDispatcher(
        IDbContextFactory<TContext> contexts,
        IEnumerable<ILeadKitOutboxHandler> handlers,
        IOptions<LeadKitOutboxOptions> options,
        TimeProvider timeProvider,
        ILogger<LeadKitOutboxDispatcher<TContext>>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _contexts = contexts;
        _handlers = [.. handlers];
        _time = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _telemetry = new OutboxTelemetry(meterFactory);
    }

    /// <summary>
    /// Delivers what is due now: repeated passes of at most <see cref="LeadKitOutboxOptions.BatchSize"/> events until a
    /// pass finds nothing due (events that fail become due later, so this ends).
    /// </summary>
    /// <param name="cancellationToken">Stops between two events; an event being handled is left to its lease.</param>
    /// <returns>How many events were delivered.</returns>
    /// <exception cref="LeadKitStoreException">The database failed (nothing was marked for the event at hand).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        while (true)
        {
            var (claimed, deliveredInPass) = await DispatchBatchAsync(cancellationToken).ConfigureAwait(false);
            delivered += deliveredInPass;
            if (claimed == 0)
            {
                return delivered;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (LeadKitStoreException e)
            {
                // The database is down or the table missing: say so and try again at the next poll, as a hosted service must
                // not stop the host for a database that may come back.
                LogPassFailed(e);
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<(int Claimed, int Delivered)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow().UtcTicks;
        List<OutboxEventRow> due;
        await using (var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false)))
        {
            try
            {
                var events = context.Set<OutboxEventRow>();
                due = await events.AsNoTracking()
                    .Where(r => r.DeliveredAtUtcTicks == null && r.NextAttemptAtUtcTicks <= now && r.ClaimedUntilUtcTicks <= now)
                    .Where(r => !events.Any(e => e.LeadId == r.LeadId && e.Kind == r.Kind && e.Sequence < r.Sequence && e.DeliveredAtUtcTicks == null))
                    .OrderBy(r => r.CreatedAtUtcTicks)
                    .ThenBy(r => r.Id)
                    .Take(_options.BatchSize)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
            {
                throw Failure("LeadKitOutboxDispatcher.DispatchPendingAsync", e, cancellationToken);
            }
        }

        var claimed = 0;
        var delivered = 0;
        foreach (var row in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await ClaimAsync(row.Id, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            claimed++;
            if (await DeliverAsync(row, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return (claimed, delivered);
    }

    private async Task<bool> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var until = now + _options.LeaseDuration.Ticks;
        return await UpdateAsync(
            "claim",
            rows => rows.Where(r => r.Id == id && r.DeliveredAtUtcTicks == null && r.ClaimedUntilUtcTicks <= now && r.NextAttemptAtUtcTicks <= now)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.ClaimedUntilUtcTicks, until), cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<bool> DeliverAsync(OutboxEventRow row, CancellationToken cancellationToken)
    {
        using var activity = OutboxTelemetry.StartDelivery(row.Id, row.Kind, row.Attempts + 1);
        Exception? failure = null;
        try
        {
            var outboxEvent = ToEvent(row);
            foreach (var handler in _handlers)
            {
                await handler.HandleAsync(outboxEvent, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the event stays claimed until its lease ends and is then delivered again, by this or another dispatcher.
            throw;
        }
        catch (Exception e)
        {
            // A handler failed, or the row does not decode (changed outside LeadKit): either way the event is retried with
            // backoff and holds back only its own lead's later events.
            failure = e;
        }

        // The handlers are done: record the outcome even when stopping (one short statement), so a stop right after a
        // delivery does not cause a repeat.
        var id = row.Id;
        if (failure is null)
        {
            var deliveredAt = _time.GetUtcNow().UtcTicks;
            await UpdateAsync(
                "mark delivered",
                rows => rows.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.DeliveredAtUtcTicks, deliveredAt), CancellationToken.None),
                CancellationToken.None).ConfigureAwait(false);
            _telemetry.Delivered(activity, row.Kind);
            return true;
        }

        _telemetry.Failed(activity, row.Kind, failure);

        var attempts = row.Attempts + 1;
        var next = _time.GetUtcNow().UtcTicks + _options.Backoff(attempts).Ticks;
        var error = failure.GetType().FullName ?? failure.GetType().Name;
        error = error.Length <= LeadKitModelBuilderExtensions.ErrorLength ? error : error[..LeadKitModelBuilderExtensions.ErrorLength];
        LogHandlerFailed(failure.GetType().Name, id, attempts);
        await UpdateAsync(
            "record failure",
            rows => rows.Where(r => r.Id == id && r.DeliveredAtUtcTicks == null).ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.Attempts, attempts)
                    .SetProperty(r => r.NextAttemptAtUtcTicks, next)
                    .SetProperty(r => r.ClaimedUntilUtcTicks, 0L)
                    .SetProperty(r => r.LastError, error),
                CancellationToken.None),
            CancellationToken.None).ConfigureAwait(false);
        return false;
    }

    private static LeadKitOutboxEvent ToEvent(OutboxEventRow row) => new()
    {
        Id = row.Id,
        LeadId = new LeadId(row.LeadId),
        Sequence = row.Sequence,
        Kind = row.Kind,
        Payload = row.Payload,
        CreatedAt = new DateTimeOffset(row.CreatedAtUtcTicks, TimeSpan.Zero),
        Attempt = row.Attempts + 1,
        StageChange = row.Kind == LeadKitOutboxEventKinds.StageChanged ? StageChangedPayload.Read(row.Payload) : null,
    };

    private async Task<int> UpdateAsync(string step, Func<DbSet<OutboxEventRow>, Task<int>> update, CancellationToken cancellationToken)
    {
        await using var context = LeadKitModel.Require(await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            return await update(context.Set<OutboxEventRow>()).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseDialect.IsDatabaseFailure(e))
        {
            throw Failure($"LeadKitOutboxDispatcher.DispatchPendingAsync ({step})", e, cancellationToken);
        }
    }

    private static Exception Failure(string operation, Exception exception, CancellationToken cancellationToken)
        => cancellationToken.IsCancellationRequested
            ? new OperationCanceledException($"{operation} was cancelled.", exception, cancellationToken)
            : LeadKitStoreException.Failed(operation, exception);

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "An outbox dispatch pass failed on the database; retrying at the next poll.")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "An outbox handler failed with {ExceptionType} on event {EventId} (attempt {Attempt}); it will be retried.")]
    private partial void LogHandlerFailed(string exceptionType, Guid eventId, int attempt);
}
