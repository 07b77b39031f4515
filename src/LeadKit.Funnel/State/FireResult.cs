using System.Collections.Immutable;
using LeadKit.Abstractions.Funnel;

namespace LeadKit.Funnel.State;

/// <summary>
/// The result of firing a trigger: <see cref="FireOutcome.Accepted"/> with the new state, or the unchanged state
/// with the reason it was <see cref="FireOutcome.Refused"/>, <see cref="FireOutcome.Invalid"/> or a
/// <see cref="FireOutcome.Conflict"/>. Expected refusals are results, never exceptions.
/// </summary>
/// <remarks>A struct so that an accepted transition allocates only the new state and its history entry.</remarks>
public readonly struct FireResult
{
    private readonly ImmutableArray<string> _unmetGuards;

    private FireResult(FireOutcome outcome, FunnelState state, ImmutableArray<string> unmetGuards, string? message)
    {
        Outcome = outcome;
        State = state;
        _unmetGuards = unmetGuards;
        Message = message;
    }

    /// <summary>Gets what happened.</summary>
    public FireOutcome Outcome { get; }

    /// <summary>
    /// Gets the new state when accepted (<see langword="null"/> only for a <c>default</c> result that no operation returned); otherwise the state the trigger was fired on (for a conflict, the
    /// current state in the store), unchanged.
    /// </summary>
    public FunnelState State { get; }

    /// <summary>Gets a value indicating whether the transition was made.</summary>
    public bool IsAccepted => Outcome == FireOutcome.Accepted;

    /// <summary>Gets the committed history entry when accepted; otherwise <see langword="null"/>.</summary>
    public StageChange? Change => Outcome == FireOutcome.Accepted ? State?.LastChange : null;

    /// <summary>Gets the descriptions of the guards and requirements that were not met (refused only; empty otherwise).</summary>
    public ImmutableArray<string> UnmetGuards => _unmetGuards.IsDefault ? [] : _unmetGuards;

    /// <summary>Gets a human-readable explanation when not accepted; <see langword="null"/> when accepted.</summary>
    public string? Message { get; }

    /// <summary>Returns a short description of the result.</summary>
    /// <returns>The outcome and, when not accepted, the explanation.</returns>
    public override string ToString() => Message is null ? $"{Outcome}: {State?.Stage}" : $"{Outcome}: {Message}";

    internal static FireResult Accepted(FunnelState state) => new(FireOutcome.Accepted, state, default, null);

    internal static FireResult Refused(FunnelState state, ImmutableArray<string> unmetGuards, string message)
        => new(FireOutcome.Refused, state, unmetGuards, message);

    internal static FireResult Invalid(FunnelState state, string message) => new(FireOutcome.Invalid, state, default, message);

    internal static FireResult Conflict(FunnelState current, string message) => new(FireOutcome.Conflict, current, default, message);
}
