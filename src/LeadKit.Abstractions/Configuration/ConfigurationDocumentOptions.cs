namespace LeadKit.Abstractions.Configuration;

/// <summary>
/// The limits and the version range of one LeadKit JSON format, read by <see cref="ConfigurationDocument.Parse(ReadOnlyMemory{byte}, ConfigurationDocumentOptions, ICollection{ConfigurationProblem})"/>.
/// Every format shares the same policy: UTF-8 (a byte order mark is accepted), no comments, no trailing commas,
/// no duplicate keys, a root object with an integer <c>version</c>.
/// </summary>
public sealed class ConfigurationDocumentOptions
{
    /// <summary>The default byte limit: 1 MiB.</summary>
    public const int DefaultMaximumBytes = 1024 * 1024;

    /// <summary>The default depth limit: 32 nested objects or arrays.</summary>
    public const int DefaultMaximumDepth = 32;

    /// <summary>Creates the options of a format.</summary>
    /// <param name="formatName">The format's name in messages, e.g. <c>rule set</c>; not blank.</param>
    /// <param name="maximumVersion">The newest <c>version</c> this release reads; at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="formatName"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumVersion"/> is below 1.</exception>
    public ConfigurationDocumentOptions(string formatName, int maximumVersion = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(formatName);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumVersion, 1);
        FormatName = formatName;
        MaximumVersion = maximumVersion;
    }

    /// <summary>Gets the format's name in messages.</summary>
    public string FormatName { get; }

    /// <summary>Gets the newest <c>version</c> this release reads; versions 1 to this are accepted.</summary>
    public int MaximumVersion { get; }

    /// <summary>Gets the largest document accepted, in UTF-8 bytes (a byte order mark not counted).</summary>
    /// <value>Default <see cref="DefaultMaximumBytes"/>; at least 64.</value>
    public int MaximumBytes { get; init => field = value >= 64 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumBytes), value, "MaximumBytes must be at least 64."); } = DefaultMaximumBytes;

    /// <summary>Gets the deepest nesting accepted (the root object is depth 1).</summary>
    /// <value>Default <see cref="DefaultMaximumDepth"/>; 2 to 256.</value>
    public int MaximumDepth { get; init => field = value is >= 2 and <= 256 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumDepth), value, "MaximumDepth must be 2 to 256."); } = DefaultMaximumDepth;

    /// <summary>Gets a value indicating whether the root object must have a <c>version</c>.</summary>
    /// <value>Default <see langword="true"/>. Formats that existed before the convention may accept its absence as version 1.</value>
    public bool RequireVersion { get; init; } = true;
}
