using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Identifiers;

/// <summary>Identifies a deal (opportunity). Compared ordinally; serialized as a JSON string.</summary>
/// <remarks>The <c>default</c> value is "unset": its <see cref="Value"/> is <see langword="null"/> and the domain model rejects it.</remarks>
[JsonConverter(typeof(DealIdJsonConverter))]
public readonly record struct DealId
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">1 to 128 characters, not blank, no control characters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, blank, too long or has control characters.</exception>
    public DealId(string value) => Value = IdentifierText.Validate(value, nameof(DealId));

    /// <summary>Gets the identifier text, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value { get; }

    /// <summary>Gets a value indicating whether this is the default (unset) identifier.</summary>
    public bool IsDefault => Value is null;

    /// <summary>Returns the identifier text (empty for the default value).</summary>
    /// <returns>The identifier text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>JSON converter for <see cref="DealId"/>.</summary>
internal sealed class DealIdJsonConverter : StringValueJsonConverter<DealId>
{
    protected override DealId Create(string text) => new(text);

    protected override string? GetText(DealId value) => value.Value;
}
