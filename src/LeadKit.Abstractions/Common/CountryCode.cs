using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Common;

/// <summary>An ISO 3166-1 alpha-2 country code such as <c>BR</c>, <c>DE</c> or <c>US</c>.</summary>
/// <remarks>Only the form is checked (two upper-case ASCII letters).</remarks>
[JsonConverter(typeof(CountryCodeJsonConverter))]
public readonly record struct CountryCode
{
    /// <summary>Creates a country code.</summary>
    /// <param name="value">Two upper-case ASCII letters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not two upper-case ASCII letters.</exception>
    public CountryCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 2 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]))
        {
            throw new ArgumentException("A country code must be two upper-case ASCII letters (ISO 3166-1 alpha-2).", nameof(value));
        }

        Value = value;
    }

    /// <summary>Gets the two-letter code, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value { get; }

    /// <summary>Gets a value indicating whether this is the default (unset) code.</summary>
    public bool IsDefault => Value is null;

    /// <summary>Returns the two-letter code.</summary>
    /// <returns>The code, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>JSON converter for <see cref="CountryCode"/>.</summary>
internal sealed class CountryCodeJsonConverter : StringValueJsonConverter<CountryCode>
{
    protected override CountryCode Create(string text) => new(text);

    protected override string? GetText(CountryCode value) => value.Value;
}
