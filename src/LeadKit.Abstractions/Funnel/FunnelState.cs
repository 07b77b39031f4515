using System.Collections.Immutable;
using System.Runtime.InteropServices;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Funnel;

/// <summary>
/// One lead's position in the funnel: its stage, a version that grows by one per accepted transition, when it
/// entered the stage, and the append-only history of stage changes since it started.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe. This type keeps the structural invariants below for any state (so that a store can
/// rebuild a state it read with <see cref="Start"/> and <see cref="Append"/>); whether a history is one a funnel
/// definition permits is checked by the definition (LeadKit.Funnel's <c>FunnelDefinition.Fire</c> and <c>Replay</c>).
/// It lives in LeadKit.Abstractions because the store contract (<see cref="Store.IFunnelStore"/>) keeps it.
/// </para>
/// <para>
/// The history is a persistent list: each state points to the state it came from and holds the one entry that
/// led to it, so a transition allocates only the new state and its <see cref="StageChange"/> (no array copy).
/// <see cref="History"/> materialises the entries on first use and caches them.
/// </para>
/// <para>
/// Equality compares values: lead, start, stage, version, entered-at and every history entry.
/// Invariants: <c>Version == History.Length</c>; <c>Stage</c> is the last entry's <c>To</c> (or the initial
/// stage); <c>EnteredAt</c> is the last entry's <c>OccurredAt</c> (or <see cref="StartedAt"/>).
/// </para>
/// </remarks>
public sealed class FunnelState : IEquatable<FunnelState>
{
    // What never changes for a lead is shared by all its states, so a transition allocates less.
    private readonly Origin _origin;
    private readonly FunnelState? _previous;
    private StageChange[]? _history;

    private FunnelState(LeadId leadId, FunnelStage initialStage, DateTimeOffset startedAt)
    {
        _origin = new Origin(leadId, initialStage, startedAt);
        Stage = initialStage;
        EnteredAt = startedAt;
    }

    private FunnelState(FunnelState previous, StageChange change)
    {
        _previous = previous;
        _origin = previous._origin;
        Stage = change.To;
        Version = previous.Version + 1;
        EnteredAt = change.OccurredAt;
        LastChange = change;
    }

    /// <summary>Gets the lead this state belongs to.</summary>
    public LeadId LeadId => _origin.LeadId;

    /// <summary>Gets the stage the lead started in (before any history entry).</summary>
    public FunnelStage InitialStage => _origin.InitialStage;

    /// <summary>Gets when the lead started in <see cref="InitialStage"/>.</summary>
    public DateTimeOffset StartedAt => _origin.StartedAt;

    /// <summary>Gets the current stage.</summary>
    public FunnelStage Stage { get; }

    /// <summary>Gets the version: 0 at the start, plus one per accepted transition (the optimistic-concurrency token).</summary>
    public long Version { get; }

    /// <summary>Gets when the lead entered <see cref="Stage"/>.</summary>
    public DateTimeOffset EnteredAt { get; }

    /// <summary>Gets the most recent history entry, or <see langword="null"/> when the history is empty.</summary>
    public StageChange? LastChange { get; }

    /// <summary>Gets every stage change since the start, oldest first.</summary>
    /// <remarks>Materialised on first use (O(n)) and cached; reading <see cref="LastChange"/> is O(1).</remarks>
    public ImmutableArray<StageChange> History
    {
        get
        {
            var history = Volatile.Read(ref _history);
            if (history is null)
            {
                history = new StageChange[checked((int)Version)];
                var node = this;
                for (var i = history.Length - 1; i >= 0; i--)
                {
                    history[i] = node!.LastChange!;
                    node = node._previous;
                }

                // A benign race: concurrent readers build equal arrays and one of them is kept.
                Volatile.Write(ref _history, history);
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(history);
        }
    }

    /// <summary>Returns how long the lead has been in its current stage.</summary>
    /// <param name="asOf">The moment to measure to; not before <see cref="EnteredAt"/>.</param>
    /// <returns><c>asOf - EnteredAt</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before <see cref="EnteredAt"/>.</exception>
    public TimeSpan TimeInStage(DateTimeOffset asOf)
    {
        if (asOf < EnteredAt)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"asOf ({asOf:O}) is before the lead entered stage '{Stage}' at {EnteredAt:O}.");
        }

        return asOf - EnteredAt;
    }

    /// <summary>Returns the total time the lead has spent in a stage over its whole history (every visit, including the current one).</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="asOf">The moment to measure the current visit to; not before <see cref="EnteredAt"/>.</param>
    /// <returns>The sum over visits of (time left, or <paramref name="asOf"/> for the current visit) minus time entered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before <see cref="EnteredAt"/>.</exception>
    public TimeSpan TotalTimeIn(FunnelStage stage, DateTimeOffset asOf)
    {
        var current = TimeInStage(asOf);
        var total = Stage == stage ? current : TimeSpan.Zero;
        for (var node = this; node._previous is not null; node = node._previous)
        {
            // node.LastChange left node._previous.Stage, which it had entered at node._previous.EnteredAt.
            if (node._previous.Stage == stage)
            {
                total += node.LastChange!.OccurredAt - node._previous.EnteredAt;
            }
        }

        return total;
    }

    /// <inheritdoc />
    public bool Equals(FunnelState? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null
            || Version != other.Version
            || Stage != other.Stage
            || EnteredAt != other.EnteredAt
            || LeadId != other.LeadId
            || InitialStage != other.InitialStage
            || StartedAt != other.StartedAt)
        {
            return false;
        }

        for (FunnelState? a = this, b = other; a is not null && b is not null; a = a._previous, b = b._previous)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (!Equals(a.LastChange, b.LastChange))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LeadId, Stage, Version, EnteredAt);

    /// <summary>Returns the stage, version and entry time; not the lead id (applications use e-mail addresses as lead ids).</summary>
    /// <returns>A short description such as <c>FunnelState { Stage = mql, Version = 2, EnteredAt = 2026-06-01T12:00:00.0000000+00:00 }</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"FunnelState {{ Stage = {Stage}, Version = {Version}, EnteredAt = {EnteredAt:O} }}");

    /// <summary>Creates the state of a lead that starts in a stage: version 0, empty history.</summary>
    /// <param name="leadId">The lead; set.</param>
    /// <param name="stage">The stage the lead starts in; set.</param>
    /// <param name="startedAt">When the lead started; set.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">An argument is the default (unset) value.</exception>
    /// <remarks>Applications start leads through a funnel definition, which also checks that the stage is an active one.</remarks>
    public static FunnelState Start(LeadId leadId, FunnelStage stage, DateTimeOffset startedAt)
    {
        if (leadId.IsDefault)
        {
            throw new ArgumentException("leadId must be set (was the default LeadId).", nameof(leadId));
        }

        if (stage.IsDefault)
        {
            throw new ArgumentException("stage must be set (was the default FunnelStage).", nameof(stage));
        }

        if (startedAt == default)
        {
            throw new ArgumentException("startedAt must be set (was the default DateTimeOffset).", nameof(startedAt));
        }

        return new FunnelState(leadId, stage, startedAt);
    }

    /// <summary>Returns the state after one more history entry (this state is unchanged).</summary>
    /// <param name="change">The entry: it leaves <see cref="Stage"/> and is not dated before <see cref="EnteredAt"/>.</param>
    /// <returns>The new state: version + 1, stage <c>change.To</c>, entered at <c>change.OccurredAt</c>.</returns>
    /// <exception cref="ArgumentException">The entry does not follow from this state (named in the message, never the lead).</exception>
    /// <remarks>
    /// Only the structure is checked. A funnel definition's <c>Fire</c> is how applications make transitions (it checks
    /// permissions and guards); a store uses this to rebuild a state from its history rows.
    /// </remarks>
    public FunnelState Append(StageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.From != Stage)
        {
            throw new ArgumentException($"change.From is '{change.From}', but the state is in stage '{Stage}'.", nameof(change));
        }

        if (change.OccurredAt < EnteredAt)
        {
            throw new ArgumentException($"change.OccurredAt ({change.OccurredAt:O}) is before the state entered '{Stage}' at {EnteredAt:O}.", nameof(change));
        }

        return new FunnelState(this, change);
    }

    private sealed record Origin(LeadId LeadId, FunnelStage InitialStage, DateTimeOffset StartedAt);
}
