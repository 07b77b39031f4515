namespace LeadKit.Abstractions.Configuration;

/// <summary>
/// The stable codes of <see cref="ConfigurationProblem.Code"/> shared by every LeadKit package. A package may add
/// its own codes (a format-specific rule); they follow the same kebab-case style and never change meaning.
/// </summary>
public static class ConfigurationProblemCodes
{
    /// <summary>The text is not well-formed JSON (including comments and trailing commas, which no LeadKit format accepts).</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>The bytes are not valid UTF-8, or a string holds an unpaired surrogate.</summary>
    public const string InvalidText = "invalid-text";

    /// <summary>The document is larger than the format's byte limit.</summary>
    public const string TooLarge = "too-large";

    /// <summary>The document is nested deeper than the format's depth limit.</summary>
    public const string TooDeep = "too-deep";

    /// <summary>A list or a text holds more items or characters than the format allows.</summary>
    public const string TooMany = "too-many";

    /// <summary>An object holds the same key more than once.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>An object holds a property the format (or the chosen <c>type</c>) does not define.</summary>
    public const string UnknownProperty = "unknown-property";

    /// <summary>A required property is missing.</summary>
    public const string Required = "required";

    /// <summary>A value has the wrong JSON type (e.g. a string where a number is expected).</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A value has the right type but breaks a rule (blank, not a known name, not finite, ...).</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>A number is outside its allowed range.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>The document has no <c>version</c>, or one this release cannot read.</summary>
    public const string UnsupportedVersion = "unsupported-version";

    /// <summary>A <c>type</c> discriminator names no registered kind.</summary>
    public const string UnknownType = "unknown-type";

    /// <summary>A name that must be unique is used twice.</summary>
    public const string DuplicateName = "duplicate-name";

    /// <summary>A reference names something that does not exist.</summary>
    public const string UnknownReference = "unknown-reference";

    /// <summary>Two settings contradict each other.</summary>
    public const string Conflict = "conflict";
}
