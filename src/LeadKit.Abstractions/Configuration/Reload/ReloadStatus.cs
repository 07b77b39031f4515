namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>The state of one reloadable entry: which value is in use, since when, and whether the latest document was refused.</summary>
public sealed class ReloadStatus
{
    /// <summary>Gets the entry's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the number of documents applied so far: 1 after the first valid one, +1 per applied reload; 0 while none has been.</summary>
    public required long Version { get; init; }

    /// <summary>Gets when the value in use was applied; <see langword="null"/> while no valid document has been.</summary>
    public DateTimeOffset? LoadedAt { get; init; }

    /// <summary>
    /// Gets the refusal of the latest document when it was refused; <see langword="null"/> when the latest document
    /// was applied (a refusal that a later valid document replaced is over).
    /// </summary>
    public ReloadRejection? LastRejection { get; init; }

    /// <summary>Gets a value indicating whether a valid document has been applied, so the entry has a value.</summary>
    public bool HasValue => Version > 0;
}
