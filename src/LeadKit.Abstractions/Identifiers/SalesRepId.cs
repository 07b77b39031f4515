using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Identifiers;

/// <summary>Identifies a sales rep. Compared ordinally; serialized as a JSON string.</summary>
/// <remarks>The <c>default</c> value is "unset": its <see cref="Value"/> is <see langword="null"/> and the domain model rejects it.</remarks>
[JsonConverter(typeof(SalesRepIdJsonConverter))]
public readonly record struct SalesRepId
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">1 to 128 characters, not blank, no control characters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, blank, too long or has control characters.</exception>
    public SalesRepId(string value) => Value = IdentifierText.Validate(value, nameof(SalesRepId));

    /// <summary>Gets the identifier text, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value { get; }

    /// <summary>Gets a value indicating whether this is the default (unset) identifier.</summary>
    public bool IsDefault => Value is null;

    /// <summary>Returns the identifier text (empty for the default value).</summary>
    /// <returns>The identifier text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>JSON converter for <see cref="SalesRepId"/>.</summary>
internal sealed class SalesRepIdJsonConverter : StringValueJsonConverter<SalesRepId>
{
    protected override SalesRepId Create(string text) => new(text);

    protected override string? GetText(SalesRepId value) => value.Value;
}
