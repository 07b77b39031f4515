using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Telemetry;

namespace LeadKit.Funnel.Workflow;

/// <summary>
/// Moves leads through a funnel definition over any <see cref="IFunnelStore"/>: it reads the lead's state, fires the
/// trigger (the pure <see cref="FunnelDefinition.Fire"/>), commits the new state with a version check and, only after
/// the commit, runs the stages' exit and entry actions and tells every observer. Every store (in memory, a database)
/// reuses it, so a custom store gets the same rules for free.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe when the store is. On a version conflict the caller chooses: <see cref="FireAsync"/> returns
/// <see cref="FireOutcome.Conflict"/> (the caller decided on a state it saw), <see cref="FireOnLatestAsync"/> fires again
/// on the new state until it commits or is refused (so the transition is always checked against the state it is
/// applied to).
/// </para>
/// <para>
/// After a commit, stage actions run, then observers in registration order, each awaited. An action or observer that
/// throws (or is cancelled through the call's token) never undoes the commit and never fails the call: the exception
/// goes to the error handler, is counted in <see cref="NotificationFailures"/> and in the
/// <c>leadkit.funnel.notification_failures</c> counter, and is recorded as an event on the current activity. If the
/// error handler itself throws, that is counted too and otherwise dropped (a failing handler must not turn a committed
/// transition into a failed call).
/// </para>
/// <para>
/// Telemetry: meter <c>LeadKit.Funnel</c> (from <see cref="IMeterFactory"/>) counts transitions, refusals, conflicts and
/// notification failures; the activity source <c>LeadKit.Funnel</c> traces each fire. Tags hold stage, trigger and
/// outcome names only. Messages and exceptions name the field (<c>leadId</c>, <c>expectedVersion</c>), never the lead
/// id itself: applications use e-mail addresses as lead ids.
/// </para>
/// <para>Time comes from the <see cref="TimeProvider"/>; a transition is never dated before the lead entered its stage (a wall clock may step back).</para>
/// </remarks>
public sealed class FunnelWorkflow
{
    private const string ObserverKind = "observer";
    private const string StageActionKind = "stage-action";

    private readonly FunnelDefinition? _definition;
    private readonly ReloadableEntry<FunnelDefinition>? _reloading;
    private readonly TimeProvider _time;
    private readonly IFunnelObserver[] _observers;
    private readonly FunnelNotificationErrorHandler? _onNotificationError;
    private readonly FunnelTelemetry _telemetry;
    private long _notificationFailures;

    /// <summary>Creates a workflow.</summary>
    /// <param name="definition">The definition transitions are checked against.</param>
    /// <param name="store">Where the states live.</param>
    /// <param name="time">The clock that dates transitions.</param>
    /// <param name="observers">Told after each committed transition, in this order.</param>
    /// <param name="onNotificationError">Told when an observer or stage action throws after a commit; optional (failures are counted either way).</param>
    /// <param name="meterFactory">Creates the <c>LeadKit.Funnel</c> meter; <see langword="null"/> for no metrics.</param>
    /// <exception cref="ArgumentException">An observer is <see langword="null"/> (the message gives its index).</exception>
    public FunnelWorkflow(
        FunnelDefinition definition,
        IFunnelStore store,
        TimeProvider time,
        IEnumerable<IFunnelObserver>? observers = null,
        FunnelNotificationErrorHandler? onNotificationError = null,
        IMeterFactory? meterFactory = null)
        : this(store, time, observers, onNotificationError, meterFactory)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
    }

    private FunnelWorkflow(ReloadableEntry<FunnelDefinition> definition, IFunnelStore store, TimeProvider time, IEnumerable<IFunnelObserver>? observers, FunnelNotificationErrorHandler? onNotificationError, IMeterFactory? meterFactory)
        : this(store, time, observers, onNotificationError, meterFactory)
    {
        _reloading = definition;
    }

    private FunnelWorkflow(IFunnelStore store, TimeProvider time, IEnumerable<IFunnelObserver>? observers, FunnelNotificationErrorHandler? onNotificationError, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        Store = store;
        _time = time;
        _observers = observers is null ? [] : [.. observers];
        for (var i = 0; i < _observers.Length; i++)
        {
            if (_observers[i] is null)
            {
                throw new ArgumentException($"observers[{i}] is null.", nameof(observers));
            }
        }

        _onNotificationError = onNotificationError;
        _telemetry = new FunnelTelemetry(meterFactory);
    }

    /// <summary>Gets the definition transitions are checked against now (for a reloading workflow, the one in use).</summary>
    /// <exception cref="ConfigurationException">A reloading workflow's entry has had no valid document yet.</exception>
    public FunnelDefinition Definition => _definition ?? _reloading!.Value;

    /// <summary>Creates a workflow whose definition follows a reloadable entry (e.g. a JSON definition reloaded from configuration).</summary>
    /// <param name="definition">The entry; each call uses the definition in use when it starts (a refused document never is).</param>
    /// <param name="store">Where the states live.</param>
    /// <param name="time">The clock that dates transitions.</param>
    /// <param name="observers">Told after each committed transition, in this order.</param>
    /// <param name="onNotificationError">Told when an observer or stage action throws after a commit; optional.</param>
    /// <param name="meterFactory">Creates the <c>LeadKit.Funnel</c> meter; <see langword="null"/> for no metrics.</param>
    /// <returns>The workflow.</returns>
    /// <remarks>
    /// A new definition applies to every lead from the next call on; a lead whose stage the new definition does not have
    /// (or whose trigger it no longer permits) gets <see cref="FireOutcome.Invalid"/>, never an exception.
    /// </remarks>
    /// <exception cref="ArgumentException">An observer is <see langword="null"/> (the message gives its index).</exception>
    public static FunnelWorkflow Reloading(
        ReloadableEntry<FunnelDefinition> definition,
        IFunnelStore store,
        TimeProvider time,
        IEnumerable<IFunnelObserver>? observers = null,
        FunnelNotificationErrorHandler? onNotificationError = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new FunnelWorkflow(definition, store, time, observers, onNotificationError, meterFactory);
    }

    /// <summary>Gets the store the states live in.</summary>
    public IFunnelStore Store { get; }

    /// <summary>Gets how many observer or stage-action calls threw (or were cancelled) after a commit since the workflow was created.</summary>
    public long NotificationFailures => Interlocked.Read(ref _notificationFailures);

    /// <summary>Starts a lead in the definition's initial stage now and adds it to the store.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new state (version 0).</returns>
    /// <exception cref="InvalidOperationException">The store already has the lead.</exception>
    public async ValueTask<FunnelState> StartAsync(LeadId leadId, CancellationToken cancellationToken = default)
    {
        var state = Definition.Start(leadId, _time.GetUtcNow());
        if (!await Store.AddAsync(state, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The funnel store already has a state for this leadId.");
        }

        return state;
    }

    /// <summary>Adds a state made elsewhere (a recycled lead, a lead imported with its history) after checking that its history replays over the definition.</summary>
    /// <param name="state">The state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when added; <see langword="false"/> when the store already has the lead.</returns>
    /// <exception cref="ArgumentException">The state's history does not replay over the definition (the message says which entry and why).</exception>
    public ValueTask<bool> AddAsync(FunnelState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var replay = Definition.Replay(state);
        if (!replay.IsValid)
        {
            throw new ArgumentException($"state.History does not replay over the workflow's definition: {replay.Error}", nameof(state));
        }

        return Store.AddAsync(state, cancellationToken);
    }

    /// <summary>Reads a lead's current state.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or <see langword="null"/> when the store does not have the lead.</returns>
    public ValueTask<FunnelState?> GetAsync(LeadId leadId, CancellationToken cancellationToken = default) => Store.GetAsync(leadId, cancellationToken);

    /// <summary>
    /// Fires a trigger on the version of the lead's state the caller last saw. When another writer changed the lead
    /// since (before or during the commit), nothing changes and the result is <see cref="FireOutcome.Conflict"/> with the
    /// current state.
    /// </summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="expectedVersion">The version the caller's decision is based on.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="details">Actor, reason, lead data and override.</param>
    /// <param name="cancellationToken">Cancels the read and the commit; once committed, it only cuts the notifications short (reported as failures).</param>
    /// <returns>The result; an accepted result is committed, and its actions and observers have run.</returns>
    /// <exception cref="KeyNotFoundException">The store does not have the lead.</exception>
    public async ValueTask<FireResult> FireAsync(LeadId leadId, long expectedVersion, FunnelTrigger trigger, TransitionDetails details = default, CancellationToken cancellationToken = default)
    {
        using var activity = FunnelTelemetry.StartFire(trigger);
        var definition = Definition;
        var current = await GetRequiredAsync(leadId, cancellationToken).ConfigureAwait(false);
        if (current.Version != expectedVersion)
        {
            _telemetry.Conflict(activity, current.Stage, trigger);
            return FireResult.Conflict(current, expectedVersion);
        }

        var result = definition.Fire(current, trigger, Now(current), in details);
        if (result.IsAccepted)
        {
            var commit = await Store.CommitAsync(result.State, current.Version, cancellationToken).ConfigureAwait(false);
            if (commit.Outcome != FunnelCommitOutcome.Committed)
            {
                _telemetry.Conflict(activity, current.Stage, trigger);
                return FireResult.Conflict(CurrentAfter(commit), expectedVersion);
            }

            await NotifyAsync(definition, result.State, cancellationToken).ConfigureAwait(false);
        }

        _telemetry.Fired(activity, current.Stage, trigger, in result);
        return result;
    }

    /// <summary>
    /// Fires a trigger on the lead's latest state, whatever its version: a conflict with another writer is fired again
    /// on the new state, so the transition is checked against the state it is actually applied to.
    /// </summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="details">Actor, reason, lead data and override.</param>
    /// <param name="cancellationToken">Cancels the reads and commits; once committed, it only cuts the notifications short (reported as failures).</param>
    /// <returns>The result (never <see cref="FireOutcome.Conflict"/>).</returns>
    /// <exception cref="KeyNotFoundException">The store does not have the lead.</exception>
    public async ValueTask<FireResult> FireOnLatestAsync(LeadId leadId, FunnelTrigger trigger, TransitionDetails details = default, CancellationToken cancellationToken = default)
    {
        using var activity = FunnelTelemetry.StartFire(trigger);
        var definition = Definition;
        var current = await GetRequiredAsync(leadId, cancellationToken).ConfigureAwait(false);

        // Lock-free: each retry means another writer committed, so the lead as a whole always makes progress.
        while (true)
        {
            var result = definition.Fire(current, trigger, Now(current), in details);
            if (!result.IsAccepted)
            {
                _telemetry.Fired(activity, current.Stage, trigger, in result);
                return result;
            }

            var commit = await Store.CommitAsync(result.State, current.Version, cancellationToken).ConfigureAwait(false);
            if (commit.Outcome == FunnelCommitOutcome.Committed)
            {
                await NotifyAsync(definition, result.State, cancellationToken).ConfigureAwait(false);
                _telemetry.Fired(activity, current.Stage, trigger, in result);
                return result;
            }

            _telemetry.Conflict(activity, current.Stage, trigger);
            current = CurrentAfter(commit);
        }
    }

    /// <summary>Returns one page of the leads that breach a stage's SLA (e.g. MQLs not accepted within 48 hours): <c>asOf - EnteredAt &gt; SLA</c>.</summary>
    /// <param name="stage">The stage; a stage without an SLA has no breaches (an empty last page).</param>
    /// <param name="asOf">The moment to check at.</param>
    /// <param name="after">Where the previous page ended (its <see cref="FunnelPage.Next"/>); <see langword="null"/> for the first page.</param>
    /// <param name="pageSize">The most leads on the page, 1 to <see cref="FunnelStageQuery.MaximumPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, longest-waiting first (the same rule as <see cref="FunnelDefinition.IsSlaBreached"/>).</returns>
    public ValueTask<FunnelPage> FindSlaBreachesAsync(FunnelStage stage, DateTimeOffset asOf, FunnelPageKey? after = null, int pageSize = FunnelStageQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var sla = Definition.GetMaxTimeInStage(stage);
        return sla is { } duration ? InStageLongerThan(stage, duration, asOf, after, pageSize, cancellationToken) : ValueTask.FromResult(new FunnelPage());
    }

    /// <summary>Returns one page of the leads that have been in a stage longer than a duration: <c>asOf - EnteredAt &gt; duration</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="duration">The duration; not negative.</param>
    /// <param name="asOf">The moment to measure to.</param>
    /// <param name="after">Where the previous page ended (its <see cref="FunnelPage.Next"/>); <see langword="null"/> for the first page.</param>
    /// <param name="pageSize">The most leads on the page, 1 to <see cref="FunnelStageQuery.MaximumPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, longest-waiting first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative, or <paramref name="pageSize"/> is out of range.</exception>
    public ValueTask<FunnelPage> FindInStageLongerThanAsync(FunnelStage stage, TimeSpan duration, DateTimeOffset asOf, FunnelPageKey? after = null, int pageSize = FunnelStageQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return InStageLongerThan(stage, duration, asOf, after, pageSize, cancellationToken);
    }

    private ValueTask<FunnelPage> InStageLongerThan(FunnelStage stage, TimeSpan duration, DateTimeOffset asOf, FunnelPageKey? after, int pageSize, CancellationToken cancellationToken)
    {
        // asOf - EnteredAt > duration  <=>  EnteredAt < asOf - duration; before the calendar's start nobody can have entered.
        if (asOf.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= duration.Ticks)
        {
            return ValueTask.FromResult(new FunnelPage());
        }

        var query = new FunnelStageQuery { Stage = stage, EnteredBefore = asOf - duration, PageSize = pageSize, After = after };
        return Store.QueryInStageAsync(query, cancellationToken);
    }

    private static FunnelState CurrentAfter(FunnelCommitResult commit)
        => commit.Outcome == FunnelCommitOutcome.Conflict && commit.Current is { } current
            ? current
            : throw new KeyNotFoundException("The funnel store has no state for this leadId (it was removed during the transition).");

    private async ValueTask<FunnelState> GetRequiredAsync(LeadId leadId, CancellationToken cancellationToken)
        => await Store.GetAsync(leadId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException("The funnel store has no state for this leadId.");

    // A wall clock may step back (NTP); never date a transition before the lead entered its stage.
    private DateTimeOffset Now(FunnelState current)
    {
        var now = _time.GetUtcNow();
        return now < current.EnteredAt ? current.EnteredAt : now;
    }

    private async ValueTask NotifyAsync(FunnelDefinition definition, FunnelState committed, CancellationToken cancellationToken)
    {
        var change = committed.LastChange!;
        if (definition.HasStageActions(change.From) || definition.HasStageActions(change.To))
        {
            try
            {
                definition.RunStageActions(committed);
            }
            catch (AggregateException ex)
            {
                foreach (var inner in ex.InnerExceptions)
                {
                    ReportFailure(committed.LeadId, change, StageActionKind, inner);
                }
            }
        }

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnStageChangedAsync(committed.LeadId, change, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // An observer must not undo a committed transition nor fail the call; its failure is reported instead.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ReportFailure(committed.LeadId, change, ObserverKind, ex);
            }
        }
    }

    private void ReportFailure(LeadId leadId, StageChange change, string kind, Exception exception)
    {
        Interlocked.Increment(ref _notificationFailures);
        _telemetry.NotificationFailed(kind, exception);
        try
        {
            _onNotificationError?.Invoke(leadId, change, exception);
        }
#pragma warning disable CA1031 // The error handler itself failing must not surface as a failed, already committed transition.
        catch (Exception handlerFailure)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _notificationFailures);
            _telemetry.NotificationFailed("error-handler", handlerFailure);
        }
    }
}
