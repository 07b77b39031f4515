using System.Globalization;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Leads;

/// <summary>The purchase timeframe a lead stated: immediate, within N days, or none stated.</summary>
/// <remarks>
/// In JSON, <c>days</c> may be left out where the kind implies it: <c>{"kind":"immediate"}</c> and
/// <c>{"kind":"notStated"}</c> mean 0 days; <c>withinDays</c> needs <c>days</c> of at least 1.
/// </remarks>
public readonly record struct PurchaseTimeframe
{
    /// <summary>Creates a timeframe; prefer <see cref="NotStated"/>, <see cref="Immediate"/> and <see cref="WithinDays(int)"/>.</summary>
    /// <param name="kind">The kind of timeframe.</param>
    /// <param name="days">The number of days; at least 1 for <see cref="PurchaseTimeframeKind.WithinDays"/>, 0 (the default) otherwise.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined or <paramref name="days"/> does not fit it.</exception>
    [JsonConstructor]
    public PurchaseTimeframe(PurchaseTimeframeKind kind, int days = 0)
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

    /// <summary>Formats the timeframe for people: <c>not stated</c>, <c>immediate</c> or <c>within 30 days</c>.</summary>
    /// <returns>The formatted timeframe.</returns>
    public override string ToString() => Kind switch
    {
        PurchaseTimeframeKind.Immediate => "immediate",
        PurchaseTimeframeKind.WithinDays => string.Create(CultureInfo.InvariantCulture, $"within {Days} {(Days == 1 ? "day" : "days")}"),
        _ => "not stated",
    };
}
