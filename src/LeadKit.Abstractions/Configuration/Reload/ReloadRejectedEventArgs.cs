namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>The data of <see cref="ReloadableEntry{TValue}.Rejected"/>: which entry refused a document, and why.</summary>
/// <param name="status">The entry's status after the refusal (its <see cref="ReloadStatus.LastRejection"/> is set).</param>
public sealed class ReloadRejectedEventArgs(ReloadStatus status) : EventArgs
{
    /// <summary>Gets the entry's name.</summary>
    public string Name => Status.Name;

    /// <summary>Gets the entry's status after the refusal; the value in use (if any) is unchanged.</summary>
    public ReloadStatus Status { get; } = status ?? throw new ArgumentNullException(nameof(status));

    /// <summary>Gets the refusal: its problems and time.</summary>
    public ReloadRejection Rejection => Status.LastRejection!;
}
