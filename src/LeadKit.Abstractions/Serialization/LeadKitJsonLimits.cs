using System.Globalization;

namespace LeadKit.Abstractions.Serialization;

/// <summary>
/// The limits <see cref="LeadKitJson"/> enforces while it reads a document, before any object or long string is
/// built: document size, nesting depth and the length of every JSON string. A document over a limit is a
/// <see cref="System.Text.Json.JsonException"/> whose message names the limit and whose path names the place.
/// </summary>
/// <remarks>
/// The domain model adds its own limits on what the strings mean (e.g. <see cref="Leads.ContactInfo.MaximumTextLength"/>
/// characters for a job title). Immutable; thread-safe.
/// </remarks>
public sealed class LeadKitJsonLimits
{
    /// <summary>The default <see cref="MaximumBytes"/>: 1 MiB, the same as a scoring rule set.</summary>
    public const int DefaultMaximumBytes = 1 << 20;

    /// <summary>The default <see cref="MaximumDepth"/>.</summary>
    public const int DefaultMaximumDepth = 32;

    /// <summary>The largest <see cref="MaximumDepth"/> that can be configured.</summary>
    public const int MaximumDepthLimit = 64;

    /// <summary>The default <see cref="MaximumStringBytes"/>: room for the longest free text (1,024 characters) even when every character is written as a \u escape.</summary>
    public const int DefaultMaximumStringBytes = 8192;

    /// <summary>Gets the limits used when none are given.</summary>
    public static LeadKitJsonLimits Default { get; } = new();

    /// <summary>Gets the largest document accepted, in UTF-8 bytes (a byte-order mark not counted).</summary>
    /// <value>Default <see cref="DefaultMaximumBytes"/>; at least 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaximumBytes
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumBytes), value, "MaximumBytes must be at least 1.");
    } = DefaultMaximumBytes;

    /// <summary>Gets the deepest nesting of objects and arrays accepted.</summary>
    /// <value>Default <see cref="DefaultMaximumDepth"/>; 1 to <see cref="MaximumDepthLimit"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to <see cref="MaximumDepthLimit"/>.</exception>
    public int MaximumDepth
    {
        get;
        init => field = value is >= 1 and <= MaximumDepthLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaximumDepth), value, string.Create(CultureInfo.InvariantCulture, $"MaximumDepth must be 1 to {MaximumDepthLimit}."));
    } = DefaultMaximumDepth;

    /// <summary>Gets the longest JSON string (a value or a property name) accepted, in UTF-8 bytes as written in the document (escapes included).</summary>
    /// <value>Default <see cref="DefaultMaximumStringBytes"/>; at least 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaximumStringBytes
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumStringBytes), value, "MaximumStringBytes must be at least 1.");
    } = DefaultMaximumStringBytes;
}
