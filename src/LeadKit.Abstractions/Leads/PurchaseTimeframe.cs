using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Leads;

/// <summary>The purchase timeframe a lead stated: immediate, within N days, or none stated.</summary>
public readonly record struct PurchaseTimeframe
{
    /// <summary>Creates a timeframe; prefer <see cref="NotStated"/>, <see cref="Immediate"/> and <see cref="WithinDays(int)"/>.</summary>
    /// <param name="kind">The kind of timeframe.</param>
    /// <param name="days">The number of days; at least 1 for <see cref="PurchaseTimeframeKind.WithinDays"/>, 0 otherwise.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined or <paramref name="days"/> does not fit it.</exception>
    [JsonConstructor]
    public PurchaseTimeframe(PurchaseTimeframeKind kind, int days)
    {
        Kind = Guard.Defined(kind);
        if (kind == PurchaseTimeframeKind.WithinDays)
        {
            Days = Guard.Positive(days);
        }
        else if (days != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"days must be 0 when the timeframe kind is {kind} (was {days}).");
        }
    }

    /// <summary>Gets the timeframe of a lead that stated none.</summary>
    public static PurchaseTimeframe NotStated => default;

    /// <summary>Gets the timeframe of a lead that needs to buy now.</summary>
    public static PurchaseTimeframe Immediate { get; } = new(PurchaseTimeframeKind.Immediate, 0);

    /// <summary>Gets the kind of timeframe.</summary>
    public PurchaseTimeframeKind Kind { get; }

    /// <summary>Gets the number of days for <see cref="PurchaseTimeframeKind.WithinDays"/>; 0 otherwise.</summary>
    public int Days { get; }

    /// <summary>Creates a "decides within N days" timeframe.</summary>
    /// <param name="days">The number of days, at least 1.</param>
    /// <returns>The timeframe.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    public static PurchaseTimeframe WithinDays(int days) => new(PurchaseTimeframeKind.WithinDays, days);
}
