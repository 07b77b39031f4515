using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Routing;

/// <summary>
/// The outcome of routing one lead: the chosen sales rep and the step that chose, or an explicit "unassigned" with
/// the reason and an optional default queue — never an exception, never a random rep. A plan's decision also
/// carries the <see cref="Change"/> to record in the ledger; deciding changes nothing by itself.
/// </summary>
/// <remarks>Immutable; a result type that may gain properties (create it with the factory methods).</remarks>
public sealed class RoutingDecision
{
    private static readonly RoutingDecision NotApplicable = new(default, null, null, UnassignedReason.NotApplicable, null, null);
    private static readonly RoutingDecision NoEligibleRep = new(default, null, null, UnassignedReason.NoEligibleRep, null, null);

    private RoutingDecision(SalesRepId repId, string? decidedBy, string? queue, UnassignedReason reason, PoolRotation? rotation, RoutingLedgerChange? change)
    {
        RepId = repId;
        DecidedBy = decidedBy;
        Queue = queue;
        Reason = reason;
        Rotation = rotation;
        Change = change;
    }

    /// <summary>Gets the chosen rep; the default (unset) identifier when unassigned.</summary>
    public SalesRepId RepId { get; }

    /// <summary>Gets the name of the step that chose the rep; <see langword="null"/> when unassigned.</summary>
    public string? DecidedBy { get; }

    /// <summary>Gets why nobody was chosen; <see cref="UnassignedReason.None"/> when a rep was chosen.</summary>
    public UnassignedReason Reason { get; }

    /// <summary>Gets the queue an unassigned lead should wait in, when the routing plan names a default queue.</summary>
    public string? Queue { get; }

    /// <summary>Gets a value indicating whether a rep was chosen.</summary>
    public bool IsAssigned => Reason == UnassignedReason.None;

    /// <summary>Gets the rotation of the pool the rep was picked from, to record with the choice; <see langword="null"/> for a choice outside a pool.</summary>
    public PoolRotation? Rotation { get; }

    /// <summary>
    /// Gets the ledger change that records this decision (the rep's counters and the pool's rotation), set by the plan;
    /// <see langword="null"/> when unassigned or when a step's decision has not passed through a plan yet.
    /// </summary>
    public RoutingLedgerChange? Change { get; }

    /// <summary>Creates an "assigned" decision.</summary>
    /// <param name="repId">The chosen rep.</param>
    /// <param name="decidedBy">The name of the step that chose.</param>
    /// <param name="rotation">The pool rotation to record with the choice, or <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="repId"/> is unset or <paramref name="decidedBy"/> is null or empty.</exception>
    public static RoutingDecision Assigned(SalesRepId repId, string decidedBy, PoolRotation? rotation = null)
    {
        if (repId.IsDefault)
        {
            throw new ArgumentException("repId must be set.", nameof(repId));
        }

        // Null or empty only (constant time): this runs on every assignment.
        ArgumentException.ThrowIfNullOrEmpty(decidedBy);
        return new(repId, decidedBy, null, UnassignedReason.None, rotation, null);
    }

    /// <summary>
    /// Creates an "assigned" decision that already carries the ledger change recording it, in one object instead of
    /// <see cref="Assigned(SalesRepId, string, PoolRotation?)"/> followed by <see cref="WithChange"/>: the rep is
    /// <see cref="RoutingLedgerChange.RepId"/> and the rotation <see cref="RoutingLedgerChange.Pool"/>.
    /// </summary>
    /// <param name="change">The change that records the choice.</param>
    /// <param name="decidedBy">The name of the step that chose.</param>
    /// <returns>The decision with <see cref="Change"/> set.</returns>
    /// <remarks>A routing plan records a change only from its own steps as it is; any other step's change is recomputed.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="decidedBy"/> is null or empty.</exception>
    public static RoutingDecision AssignedWithChange(RoutingLedgerChange change, string decidedBy)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrEmpty(decidedBy);
        return new(change.RepId, decidedBy, null, UnassignedReason.None, change.Pool, change);
    }

    /// <summary>Creates an "unassigned" decision.</summary>
    /// <param name="reason">Why nobody was chosen; not <see cref="UnassignedReason.None"/>.</param>
    /// <param name="queue">The queue the lead should wait in, or <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is <see cref="UnassignedReason.None"/> or undefined.</exception>
    public static RoutingDecision Unassigned(UnassignedReason reason, string? queue = null)
    {
        if (reason is <= UnassignedReason.None or > UnassignedReason.Conflict)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "An unassigned decision needs a reason other than None.");
        }

        // The common step outcomes without a queue are shared instances: passing a step allocates nothing.
        return queue is null && reason == UnassignedReason.NotApplicable ? NotApplicable
            : queue is null && reason == UnassignedReason.NoEligibleRep ? NoEligibleRep
            : new(default, null, queue, reason, null, null);
    }

    /// <summary>Returns this assigned decision with the ledger change that records it.</summary>
    /// <param name="change">The change; its <see cref="RoutingLedgerChange.RepId"/> must be <see cref="RepId"/>.</param>
    /// <returns>The decision with <see cref="Change"/> set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The decision is unassigned, or the change is for another rep.</exception>
    public RoutingDecision WithChange(RoutingLedgerChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!IsAssigned || change.RepId != RepId)
        {
            throw new InvalidOperationException("Only an assigned decision takes a change, and only one for its own rep.");
        }

        return new(RepId, DecidedBy, null, UnassignedReason.None, Rotation, change);
    }

    /// <summary>
    /// Describes the decision without the rep's id (ids are often e-mail addresses and this text ends up in logs), e.g.
    /// <c>assigned by territory-rules</c> or <c>unassigned (NoEligibleRep), queue triage</c>; read <see cref="RepId"/> for the rep.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => IsAssigned
        ? $"assigned by {DecidedBy}"
        : Queue is null ? $"unassigned ({Reason})" : $"unassigned ({Reason}), queue {Queue}";
}
