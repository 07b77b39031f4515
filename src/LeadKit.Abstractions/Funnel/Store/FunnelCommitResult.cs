namespace LeadKit.Abstractions.Funnel.Store;

/// <summary>The result of <see cref="IFunnelStore.CommitAsync"/>: the outcome and the lead's state after it.</summary>
public sealed class FunnelCommitResult
{
    /// <summary>Gets what happened.</summary>
    public required FunnelCommitOutcome Outcome { get; init; }

    /// <summary>
    /// Gets the lead's state in the store after the call: the committed state, or for a conflict the state another writer
    /// committed; <see langword="null"/> only for <see cref="FunnelCommitOutcome.NotFound"/>.
    /// </summary>
    public FunnelState? Current { get; init; }

    /// <summary>Returns a committed result.</summary>
    /// <param name="committed">The state now stored.</param>
    /// <returns>The result.</returns>
    public static FunnelCommitResult Committed(FunnelState committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        return new() { Outcome = FunnelCommitOutcome.Committed, Current = committed };
    }

    /// <summary>Returns a conflict: the store holds another version.</summary>
    /// <param name="current">The state the store holds.</param>
    /// <returns>The result.</returns>
    public static FunnelCommitResult Conflict(FunnelState current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new() { Outcome = FunnelCommitOutcome.Conflict, Current = current };
    }

    /// <summary>Gets the result for a lead the store does not have.</summary>
    public static FunnelCommitResult NotFound { get; } = new() { Outcome = FunnelCommitOutcome.NotFound };

    /// <summary>Returns the outcome and the stored state's stage and version (never the lead id).</summary>
    /// <returns>E.g. <c>Conflict: mql at version 3</c>.</returns>
    public override string ToString()
        => Current is null ? Outcome.ToString() : FormattableString.Invariant($"{Outcome}: {Current.Stage} at version {Current.Version}");
}
