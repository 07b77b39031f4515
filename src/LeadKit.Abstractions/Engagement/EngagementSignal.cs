using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Engagement;

/// <summary>Something a lead did, and when: a page view, an e-mail click, a demo request, an unsubscribe, ...</summary>
/// <remarks>
/// A signal takes 32 bytes (leads can carry thousands of them, and scoring reads them all): the instant is kept as
/// UTC ticks plus the offset in minutes, and a missing <see cref="Value"/> as NaN, which no valid value can be.
/// Two signals are equal when they have the same kind, the same instant (whatever its offset, as for
/// <see cref="DateTimeOffset"/>) and the same value.
/// </remarks>
public readonly record struct EngagementSignal
{
    // Field order gives the 32-byte layout: 8 + 8 + 8 (the kind: one reference to its name) + 4 + 2, padded.
    private readonly long _occurredAtUtcTicks;
    private readonly double _value;
    private readonly EngagementSignalKind _kind;

    // The kind's ordinal when the signal was created, in what would otherwise be padding, so scoring reads it without
    // following the kind's reference; 0 or less when the kind was not registered then (a name's ordinal never changes).
    private readonly int _kindOrdinal;
    private readonly short _offsetMinutes;

    /// <summary>Creates an engagement signal.</summary>
    /// <param name="kind">What happened; must be set.</param>
    /// <param name="occurredAt">When it happened; must not be the default value.</param>
    /// <param name="value">An optional finite measure (seconds on page, pages viewed, order value, ...).</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> or <paramref name="occurredAt"/> is unset.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    [JsonConstructor]
    public EngagementSignal(EngagementSignalKind kind, DateTimeOffset occurredAt, double? value = null)
    {
        _kind = Guard.NotDefaultValue(kind);
        _kindOrdinal = kind.Ordinal;
        _occurredAtUtcTicks = Guard.NotDefault(occurredAt).UtcTicks;

        // DateTimeOffset offsets are whole minutes within ±14 hours, so a short holds them exactly.
        _offsetMinutes = (short)(occurredAt.Offset.Ticks / TimeSpan.TicksPerMinute);
        _value = value is { } v ? Guard.Finite(v, nameof(value)) : double.NaN;
    }

    /// <summary>Gets what happened.</summary>
    public EngagementSignalKind Kind => _kind;

    /// <summary>Gets when it happened, with the offset it was given.</summary>
    public DateTimeOffset OccurredAt => new(_occurredAtUtcTicks + (_offsetMinutes * TimeSpan.TicksPerMinute), TimeSpan.FromMinutes(_offsetMinutes));

    /// <summary>
    /// Gets when it happened as UTC ticks (<c>OccurredAt.UtcTicks</c>): the form rules compare ages in, read without
    /// building a <see cref="DateTimeOffset"/>.
    /// </summary>
    [JsonIgnore]
    public long OccurredAtUtcTicks => _occurredAtUtcTicks;

    /// <summary>
    /// Gets <see cref="Kind"/>'s <see cref="EngagementSignalKind.Ordinal"/> (-1 while the kind is not registered), read
    /// from the signal itself when the kind was registered as the signal was created: what compiled models index by.
    /// </summary>
    [JsonIgnore]
    public int KindOrdinal
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var ordinal = _kindOrdinal;
            return ordinal > 0 ? ordinal : _kind.Ordinal;
        }
    }

    /// <summary>Gets the optional measure attached to the signal.</summary>
    public double? Value => double.IsNaN(_value) ? null : _value;

    /// <summary>Compares kind, instant (not its offset, as <see cref="DateTimeOffset"/> does) and value.</summary>
    /// <param name="other">The other signal.</param>
    /// <returns><see langword="true"/> when both describe the same signal.</returns>
    public bool Equals(EngagementSignal other) =>
        _kind == other._kind && _occurredAtUtcTicks == other._occurredAtUtcTicks && _value.Equals(other._value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _occurredAtUtcTicks, _value);
}
