using System.Globalization;
using System.Text.Json.Serialization;

namespace LeadKit.Abstractions.Common;

/// <summary>A non-negative amount of money in one currency: a deal value, a budget, an annual revenue.</summary>
/// <remarks>Amounts of different currencies are never added together by LeadKit.</remarks>
public readonly record struct Money
{
    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The amount; must not be negative.</param>
    /// <param name="currency">The ISO 4217 currency; must be set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default (unset) value.</exception>
    [JsonConstructor]
    public Money(decimal amount, CurrencyCode currency)
    {
        Amount = Guard.NonNegative(amount);
        Currency = Guard.NotDefaultValue(currency);
    }

    /// <summary>Gets the amount (never negative).</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>Formats the amount with invariant culture followed by the currency code, e.g. <c>1250.00 EUR</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");
}
