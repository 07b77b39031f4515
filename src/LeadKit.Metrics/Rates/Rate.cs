using System.Globalization;

namespace LeadKit.Metrics.Rates;

/// <summary>
/// A proportion <c>Numerator / Denominator</c> of counts (0 &lt;= Numerator &lt;= Denominator) with its Wilson 95% score interval.
/// </summary>
/// <remarks>
/// <para>
/// A zero denominator is an explicit "no data" value: <see cref="HasData"/> is <see langword="false"/> and
/// <see cref="Value"/>, <see cref="Lower"/> and <see cref="Upper"/> are <see langword="null"/> — never NaN, infinity or an exception.
/// </para>
/// <para>
/// Wilson score interval with z = 1.959963984540054 (two-sided 95%), p = k / n:
/// centre = (p + z²/2n) / (1 + z²/n), half-width = z·sqrt(p(1 − p)/n + z²/4n²) / (1 + z²/n),
/// interval = [centre − half-width, centre + half-width], clamped to [0, 1] and widened by rounding error only so
/// that it always contains p. Unlike the normal approximation it stays inside [0, 1] and is sensible for p = 0 or 1.
/// </para>
/// <para>An immutable value; thread-safe.</para>
/// </remarks>
public readonly record struct Rate
{
    /// <summary>The two-sided 95% standard-normal quantile used by the Wilson interval.</summary>
    public const double Z95 = 1.959963984540054;

    private readonly double _value;
    private readonly double _lower;
    private readonly double _upper;

    /// <summary>Creates a rate from its counts.</summary>
    /// <param name="numerator">The count of successes; 0 to <paramref name="denominator"/>.</param>
    /// <param name="denominator">The count of trials; not negative. Zero gives "no data".</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the numerator exceeds the denominator.</exception>
    public Rate(long numerator, long denominator)
    {
        if (denominator < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, $"denominator must not be negative (was {denominator}).");
        }

        if (numerator < 0 || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, $"numerator must be between 0 and the denominator {denominator} (was {numerator}).");
        }

        Numerator = numerator;
        Denominator = denominator;
        if (denominator == 0)
        {
            return;
        }

        double n = denominator;
        var p = numerator / n;
        const double z2 = Z95 * Z95;
        var scale = 1d + (z2 / n);
        var centre = (p + (z2 / (2d * n))) / scale;
        var half = Z95 * Math.Sqrt((p * (1d - p) / n) + (z2 / (4d * n * n))) / scale;
        _value = p;
        _lower = Math.Clamp(Math.Min(centre - half, p), 0d, 1d);
        _upper = Math.Clamp(Math.Max(centre + half, p), 0d, 1d);
    }

    /// <summary>Gets the explicit "no data" rate (0 / 0).</summary>
    public static Rate NoData => default;

    /// <summary>Gets the count of successes.</summary>
    public long Numerator { get; }

    /// <summary>Gets the count of trials.</summary>
    public long Denominator { get; }

    /// <summary>Gets a value indicating whether the denominator is positive, so the rate has a value.</summary>
    public bool HasData => Denominator > 0;

    /// <summary>Gets the point estimate <c>Numerator / Denominator</c> in [0, 1], or <see langword="null"/> without data.</summary>
    public double? Value => HasData ? _value : null;

    /// <summary>Gets the lower bound of the Wilson 95% interval, or <see langword="null"/> without data.</summary>
    public double? Lower => HasData ? _lower : null;

    /// <summary>Gets the upper bound of the Wilson 95% interval, or <see langword="null"/> without data.</summary>
    public double? Upper => HasData ? _upper : null;

    /// <summary>Formats the rate, e.g. <c>842/8000 = 10.53% (95% CI 9.87%..11.22%)</c> or <c>no data (0/0)</c>.</summary>
    /// <returns>The formatted rate.</returns>
    public override string ToString() => HasData
        ? string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator} = {_value * 100d:F2}% (95% CI {_lower * 100d:F2}%..{_upper * 100d:F2}%)")
        : "no data (0/0)";
}
