using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Common;

/// <summary>An ISO 4217 alphabetic currency code such as <c>EUR</c>, <c>USD</c> or <c>BRL</c>.</summary>
/// <remarks>
/// Only the form is checked (three upper-case ASCII letters); whether a code is one the application accepts
/// is a business decision left to the caller. The <c>default</c> value is unset and rejected by <see cref="Money"/>.
/// </remarks>
[JsonConverter(typeof(CurrencyCodeJsonConverter))]
public readonly record struct CurrencyCode
{
    /// <summary>Creates a currency code.</summary>
    /// <param name="value">Three upper-case ASCII letters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not three upper-case ASCII letters.</exception>
    public CurrencyCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 3 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]) || !char.IsAsciiLetterUpper(value[2]))
        {
            throw new ArgumentException("A currency code must be three upper-case ASCII letters (ISO 4217).", nameof(value));
        }

        Value = value;
    }

    /// <summary>Gets the euro.</summary>
    public static CurrencyCode Eur { get; } = new("EUR");

    /// <summary>Gets the US dollar.</summary>
    public static CurrencyCode Usd { get; } = new("USD");

    /// <summary>Gets the Brazilian real.</summary>
    public static CurrencyCode Brl { get; } = new("BRL");

    /// <summary>Gets the pound sterling.</summary>
    public static CurrencyCode Gbp { get; } = new("GBP");

    /// <summary>Gets the three-letter code, or <see langword="null"/> for the default (unset) value.</summary>
    public string? Value { get; }

    /// <summary>Gets a value indicating whether this is the default (unset) code.</summary>
    public bool IsDefault => Value is null;

    /// <summary>Returns the three-letter code.</summary>
    /// <returns>The code, or an empty string when unset.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>JSON converter for <see cref="CurrencyCode"/>.</summary>
internal sealed class CurrencyCodeJsonConverter : StringValueJsonConverter<CurrencyCode>
{
    protected override CurrencyCode Create(string text) => new(text);

    protected override string? GetText(CurrencyCode value) => value.Value;
}
