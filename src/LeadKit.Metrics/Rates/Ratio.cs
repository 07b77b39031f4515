using System.Globalization;

namespace LeadKit.Metrics.Rates;

/// <summary>
/// A quotient of two non-negative amounts that is not a proportion of counts — a share of money, a coverage
/// multiple, conversions per new lead in a period — so it has no Wilson interval and may exceed 1 where noted.
/// </summary>
/// <remarks>
/// <c>Value = Numerator / Denominator</c> in <see cref="decimal"/>; a zero denominator is an explicit "no data" value
/// (<see cref="Value"/> is <see langword="null"/>), never an exception. An immutable value; thread-safe.
/// </remarks>
public readonly record struct Ratio
{
    /// <summary>Creates a ratio.</summary>
    /// <param name="numerator">The numerator; not negative.</param>
    /// <param name="denominator">The denominator; not negative. Zero gives "no data".</param>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public Ratio(decimal numerator, decimal denominator)
    {
        if (numerator < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, $"numerator must not be negative (was {numerator}).");
        }

        if (denominator < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, $"denominator must not be negative (was {denominator}).");
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Gets the explicit "no data" ratio (0 / 0).</summary>
    public static Ratio NoData => default;

    /// <summary>Gets the numerator.</summary>
    public decimal Numerator { get; }

    /// <summary>Gets the denominator.</summary>
    public decimal Denominator { get; }

    /// <summary>Gets a value indicating whether the denominator is positive.</summary>
    public bool HasData => Denominator > 0m;

    /// <summary>Gets <c>Numerator / Denominator</c>, or <see langword="null"/> when the denominator is zero.</summary>
    public decimal? Value => HasData ? Numerator / Denominator : null;

    /// <summary>Formats the ratio, e.g. <c>1500/3000 = 0.5</c> or <c>no data (0/0)</c>.</summary>
    /// <returns>The formatted ratio.</returns>
    public override string ToString() => HasData
        ? string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator} = {Value}")
        : string.Create(CultureInfo.InvariantCulture, $"no data ({Numerator}/0)");
}
