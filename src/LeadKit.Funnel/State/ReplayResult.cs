using LeadKit.Abstractions.Funnel;

namespace LeadKit.Funnel.State;

/// <summary>
/// The result of replaying a history over a definition: the reproduced state, or the first entry that the
/// definition does not allow and why.
/// </summary>
public sealed record ReplayResult
{
    private ReplayResult(FunnelState? state, int failedIndex, StageChange? failedEntry, string? error)
    {
        State = state;
        FailedIndex = failedIndex;
        FailedEntry = failedEntry;
        Error = error;
    }

    /// <summary>Gets a value indicating whether every entry was allowed.</summary>
    public bool IsValid => State is not null;

    /// <summary>Gets the reproduced state when valid; otherwise <see langword="null"/>.</summary>
    public FunnelState? State { get; }

    /// <summary>Gets the index of the offending entry, -1 when the start itself is invalid, or -1 when valid.</summary>
    public int FailedIndex { get; }

    /// <summary>Gets the offending entry, when one is to blame.</summary>
    public StageChange? FailedEntry { get; }

    /// <summary>Gets why the history was rejected; <see langword="null"/> when valid.</summary>
    public string? Error { get; }

    internal static ReplayResult Valid(FunnelState state) => new(state, -1, null, null);

    internal static ReplayResult Invalid(int index, StageChange? entry, string error) => new(null, index, entry, error);
}
