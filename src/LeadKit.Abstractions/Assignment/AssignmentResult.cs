using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Assignment;

/// <summary>
/// The outcome of routing one lead: the chosen sales rep and the step that chose, or an explicit "unassigned" with
/// the reason and an optional default queue. Never an exception, never a random rep.
/// </summary>
/// <remarks>A small immutable value; creating one allocates nothing.</remarks>
public readonly record struct AssignmentResult
{
    // The step name (assigned) or the queue (unassigned) share one field: the result stays 24 bytes on the hot path.
    private readonly string? _text;

    private AssignmentResult(SalesRepId repId, string? text, UnassignedReason reason)
    {
        RepId = repId;
        _text = text;
        Reason = reason;
    }

    /// <summary>Gets the chosen rep; the default (unset) identifier when unassigned.</summary>
    public SalesRepId RepId { get; }

    /// <summary>Gets the name of the step that chose the rep; <see langword="null"/> when unassigned.</summary>
    public string? DecidedBy => Reason == UnassignedReason.None ? _text : null;

    /// <summary>Gets why nobody was chosen; <see cref="UnassignedReason.None"/> when a rep was chosen.</summary>
    public UnassignedReason Reason { get; }

    /// <summary>Gets the queue an unassigned lead should wait in, when the routing plan names a default queue.</summary>
    public string? Queue => Reason == UnassignedReason.None ? null : _text;

    /// <summary>Gets a value indicating whether a rep was chosen.</summary>
    public bool IsAssigned => Reason == UnassignedReason.None;

    /// <summary>Creates an "assigned" result.</summary>
    /// <param name="repId">The chosen rep.</param>
    /// <param name="decidedBy">The name of the step that chose.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="repId"/> is unset or <paramref name="decidedBy"/> is null or empty.</exception>
    public static AssignmentResult Assigned(SalesRepId repId, string decidedBy)
    {
        if (repId.IsDefault)
        {
            throw new ArgumentException("repId must be set.", nameof(repId));
        }

        // Null or empty only (constant time): this runs on every assignment.
        ArgumentException.ThrowIfNullOrEmpty(decidedBy);
        return new(repId, decidedBy, UnassignedReason.None);
    }

    /// <summary>Creates an "unassigned" result.</summary>
    /// <param name="reason">Why nobody was chosen; not <see cref="UnassignedReason.None"/>.</param>
    /// <param name="queue">The queue the lead should wait in, or <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is <see cref="UnassignedReason.None"/> or undefined.</exception>
    public static AssignmentResult Unassigned(UnassignedReason reason, string? queue = null)
    {
        if (reason is <= UnassignedReason.None or > UnassignedReason.NoEligibleRep)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "An unassigned result needs a reason other than None.");
        }

        return new(default, queue, reason);
    }

    /// <summary>
    /// Describes the result without the rep's id (ids are often e-mail addresses and this text ends up in logs), e.g.
    /// <c>assigned by territory-rules</c> or <c>unassigned (NoEligibleRep), queue triage</c>; read <see cref="RepId"/> for the rep.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => IsAssigned
        ? $"assigned by {DecidedBy}"
        : Queue is null ? $"unassigned ({Reason})" : $"unassigned ({Reason}), queue {Queue}";
}
