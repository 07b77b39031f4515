using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Engagement;

/// <summary>Something a lead did, and when: a page view, an e-mail click, a demo request, an unsubscribe, ...</summary>
public readonly record struct EngagementSignal
{
    /// <summary>Creates an engagement signal.</summary>
    /// <param name="kind">What happened; must be set.</param>
    /// <param name="occurredAt">When it happened; must not be the default value.</param>
    /// <param name="value">An optional finite measure (seconds on page, pages viewed, order value, ...).</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> or <paramref name="occurredAt"/> is unset.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    [JsonConstructor]
    public EngagementSignal(EngagementSignalKind kind, DateTimeOffset occurredAt, double? value = null)
    {
        Kind = Guard.NotDefaultValue(kind);
        OccurredAt = Guard.NotDefault(occurredAt);
        Value = value is { } v ? Guard.Finite(v, nameof(value)) : null;
    }

    /// <summary>Gets what happened.</summary>
    public EngagementSignalKind Kind { get; }

    /// <summary>Gets when it happened.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>Gets the optional measure attached to the signal.</summary>
    public double? Value { get; }
}
