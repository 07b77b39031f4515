using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Store;

/// <summary>An in-memory, thread-safe funnel store for embedding, with optimistic concurrency.</summary>
/// <remarks>
/// <para>
/// Thread-safe. Each lead's state is an immutable value swapped by compare-and-swap: a transition is computed on
/// the state it read and committed only if that state is still current. So under any number of concurrent
/// writers no transition is lost and none is applied twice, and every committed history replays over the
/// definition.
/// </para>
/// <para>
/// After a commit the store runs the stage's exit and entry actions and then tells every observer, in
/// registration order, on the writer's thread. An action or observer that throws does not undo or corrupt the
/// transition: the exception goes to the error handler given to the constructor (and is counted in
/// <see cref="NotificationFailures"/>). Notifications of different transitions of one lead may interleave when
/// several threads write it.
/// </para>
/// <para>Time comes from the <see cref="TimeProvider"/>; a transition is never dated before the lead entered its stage.</para>
/// <para>Messages and exceptions name the field (<c>leadId</c>, <c>expectedVersion</c>), never the lead id itself: applications use e-mail addresses as lead ids.</para>
/// </remarks>
public sealed class InMemoryFunnelStore : IFunnelStore
{
    private readonly ConcurrentDictionary<LeadId, FunnelState> _states = new();
    private readonly TimeProvider _time;
    private readonly IFunnelObserver[] _observers;
    private readonly FunnelNotificationErrorHandler? _onNotificationError;
    private long _notificationFailures;

    /// <summary>Creates a store.</summary>
    /// <param name="definition">The definition transitions are checked against.</param>
    /// <param name="time">The clock that dates transitions.</param>
    /// <param name="observers">Told after each committed transition.</param>
    /// <param name="onNotificationError">Told when an observer or stage action throws; optional.</param>
    public InMemoryFunnelStore(
        FunnelDefinition definition,
        TimeProvider time,
        IEnumerable<IFunnelObserver>? observers = null,
        FunnelNotificationErrorHandler? onNotificationError = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(time);
        Definition = definition;
        _time = time;
        _observers = observers is null ? [] : [.. observers];
        _onNotificationError = onNotificationError;
        for (var i = 0; i < _observers.Length; i++)
        {
            if (_observers[i] is null)
            {
                throw new ArgumentException($"observers[{i}] is null.", nameof(observers));
            }
        }
    }

    /// <inheritdoc />
    public FunnelDefinition Definition { get; }

    /// <inheritdoc />
    public int Count => _states.Count;

    /// <summary>Gets how many observer or stage-action calls threw since the store was created.</summary>
    public long NotificationFailures => Interlocked.Read(ref _notificationFailures);

    /// <summary>Starts a lead in the definition's initial stage now and adds it.</summary>
    /// <param name="leadId">The lead.</param>
    /// <returns>The new state.</returns>
    /// <exception cref="ArgumentException">The store already has the lead.</exception>
    public FunnelState Start(LeadId leadId)
    {
        var state = Definition.Start(leadId, _time.GetUtcNow());
        if (!TryAdd(state))
        {
            throw new ArgumentException("The store already has a state for this leadId.", nameof(leadId));
        }

        return state;
    }

    /// <inheritdoc />
    public bool TryAdd(FunnelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var replay = Definition.Replay(state);
        if (!replay.IsValid)
        {
            throw new ArgumentException($"state.History does not replay over the store's definition: {replay.Error}", nameof(state));
        }

        return _states.TryAdd(state.LeadId, state);
    }

    /// <inheritdoc />
    public bool TryGet(LeadId leadId, [MaybeNullWhen(false)] out FunnelState state) => _states.TryGetValue(leadId, out state);

    /// <inheritdoc />
    public FireResult Fire(LeadId leadId, long expectedVersion, FunnelTrigger trigger, in TransitionDetails details = default)
    {
        var current = Get(leadId);
        if (current.Version != expectedVersion)
        {
            return StaleVersion(current, expectedVersion);
        }

        var result = Definition.Fire(current, trigger, Now(current), in details);
        if (!result.IsAccepted)
        {
            return result;
        }

        // Commit only if nobody changed the lead since we read it (versions only grow, so no ABA).
        if (!_states.TryUpdate(leadId, result.State, current))
        {
            return StaleVersion(Get(leadId), expectedVersion);
        }

        Notify(result.State);
        return result;
    }

    /// <inheritdoc />
    public FireResult FireOnLatest(LeadId leadId, FunnelTrigger trigger, in TransitionDetails details = default)
    {
        while (true)
        {
            var current = Get(leadId);
            var result = Definition.Fire(current, trigger, Now(current), in details);
            if (!result.IsAccepted)
            {
                return result;
            }

            if (_states.TryUpdate(leadId, result.State, current))
            {
                Notify(result.State);
                return result;
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FunnelState> FindSlaBreaches(DateTimeOffset asOf)
    {
        var found = new List<FunnelState>();
        foreach (var pair in _states)
        {
            if (Definition.IsSlaBreached(pair.Value, asOf))
            {
                found.Add(pair.Value);
            }
        }

        SortLongestWaitingFirst(found);
        return found;
    }

    /// <inheritdoc />
    public IReadOnlyList<FunnelState> FindInStageLongerThan(FunnelStage stage, TimeSpan duration, DateTimeOffset asOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var found = new List<FunnelState>();
        foreach (var pair in _states)
        {
            var state = pair.Value;
            if (state.Stage == stage && asOf - state.EnteredAt > duration)
            {
                found.Add(state);
            }
        }

        SortLongestWaitingFirst(found);
        return found;
    }

    private static void SortLongestWaitingFirst(List<FunnelState> states)
        => states.Sort(static (a, b) => a.EnteredAt != b.EnteredAt
            ? a.EnteredAt.CompareTo(b.EnteredAt)
            : string.CompareOrdinal(a.LeadId.Value, b.LeadId.Value));

    private static FireResult StaleVersion(FunnelState current, long expectedVersion)
        => FireResult.Conflict(current, $"The lead's state is at version {current.Version}, not {expectedVersion} (expectedVersion): another writer changed it first. Read it again and decide again.");

    private FunnelState Get(LeadId leadId)
        => _states.TryGetValue(leadId, out var state)
            ? state
            : throw new KeyNotFoundException("The funnel store has no state for this leadId.");

    // A wall clock may step back (NTP); never date a transition before the lead entered its stage.
    private DateTimeOffset Now(FunnelState current)
    {
        var now = _time.GetUtcNow();
        return now < current.EnteredAt ? current.EnteredAt : now;
    }

    private void Notify(FunnelState committed)
    {
        var change = committed.LastChange!;
        if (Definition.HasStageActions(change.From) || Definition.HasStageActions(change.To))
        {
            try
            {
                Definition.RunStageActions(committed);
            }
            catch (AggregateException ex)
            {
                foreach (var inner in ex.InnerExceptions)
                {
                    ReportFailure(committed.LeadId, change, inner);
                }
            }
        }

        foreach (var observer in _observers)
        {
            try
            {
                observer.OnStageChanged(committed.LeadId, change);
            }
#pragma warning disable CA1031 // An observer must not undo a committed transition; its failure is reported instead.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ReportFailure(committed.LeadId, change, ex);
            }
        }
    }

    private void ReportFailure(LeadId leadId, StageChange change, Exception exception)
    {
        Interlocked.Increment(ref _notificationFailures);
        try
        {
            _onNotificationError?.Invoke(leadId, change, exception);
        }
#pragma warning disable CA1031 // The error handler itself failing must not surface as a failed transition.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Already counted in NotificationFailures; nothing else can be done with it here.
        }
    }
}
