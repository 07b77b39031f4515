using System.Collections.Immutable;
using LeadKit.Abstractions.Funnel;

namespace LeadKit.Funnel.State;

/// <summary>
/// The result of firing a trigger: <see cref="FireOutcome.Accepted"/> with the new state, or the unchanged state
/// with the reason it was <see cref="FireOutcome.Refused"/>, <see cref="FireOutcome.Invalid"/> or a
/// <see cref="FireOutcome.Conflict"/>. Expected refusals are results, never exceptions.
/// </summary>
/// <remarks>
/// A struct so that an accepted transition allocates only the new state and its history entry. Init properties, so
/// that a field can be added later without breaking callers; <see cref="Conflict"/> is public so that any store or
/// workflow can return the same conflict result.
/// </remarks>
public readonly struct FireResult
{
    /// <summary>Gets what happened.</summary>
    public FireOutcome Outcome { get; init; }

    /// <summary>
    /// Gets the new state when accepted (<see langword="null"/> only for a <c>default</c> result that no operation returned); otherwise the state the trigger was fired on (for a conflict, the
    /// current state in the store), unchanged.
    /// </summary>
    public FunnelState State { get; init; }

    /// <summary>Gets a value indicating whether the transition was made.</summary>
    public bool IsAccepted => Outcome == FireOutcome.Accepted;

    /// <summary>Gets the committed history entry when accepted; otherwise <see langword="null"/>.</summary>
    public StageChange? Change => Outcome == FireOutcome.Accepted ? State?.LastChange : null;

    /// <summary>Gets the descriptions of the guards and requirements that were not met (refused only; empty otherwise).</summary>
    public ImmutableArray<string> UnmetGuards
    {
        get => field.IsDefault ? [] : field;
        init;
    }

    /// <summary>Gets a human-readable explanation when not accepted; <see langword="null"/> when accepted. Never holds personal data.</summary>
    public string? Message { get; init; }

    /// <summary>Returns the result of a transition decided on a stale version: another writer changed the lead first.</summary>
    /// <param name="current">The lead's current state in the store.</param>
    /// <param name="expectedVersion">The version the caller's decision was based on.</param>
    /// <returns>A <see cref="FireOutcome.Conflict"/> whose message names both versions (never the lead).</returns>
    public static FireResult Conflict(FunnelState current, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new FireResult
        {
            Outcome = FireOutcome.Conflict,
            State = current,
            Message = FormattableString.Invariant($"The lead's state is at version {current.Version}, not {expectedVersion} (expectedVersion): another writer changed it first. Read it again and decide again."),
        };
    }

    /// <summary>Returns a short description of the result.</summary>
    /// <returns>The outcome and, when not accepted, the explanation.</returns>
    public override string ToString() => Message is null ? $"{Outcome}: {State?.Stage}" : $"{Outcome}: {Message}";

    internal static FireResult Accepted(FunnelState state) => new() { Outcome = FireOutcome.Accepted, State = state };

    internal static FireResult Refused(FunnelState state, ImmutableArray<string> unmetGuards, string message)
        => new() { Outcome = FireOutcome.Refused, State = state, UnmetGuards = unmetGuards, Message = message };

    internal static FireResult Invalid(FunnelState state, string message) => new() { Outcome = FireOutcome.Invalid, State = state, Message = message };
}
