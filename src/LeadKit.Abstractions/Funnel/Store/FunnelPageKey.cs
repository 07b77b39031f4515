using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Funnel.Store;

/// <summary>
/// Where a lead sorts in a stage query (a keyset): by the instant it entered its stage, then by lead id (ordinal). A
/// page ends at the key of its last lead, and the next page starts after it, so pages neither skip nor repeat a lead
/// that stays put while the caller pages.
/// </summary>
/// <remarks>A database store pages with <c>WHERE (EnteredAt, LeadId) &gt; (@enteredAt, @leadId) ORDER BY EnteredAt, LeadId</c> over an index on (Stage, EnteredAt, LeadId).</remarks>
public sealed class FunnelPageKey : IEquatable<FunnelPageKey>
{
    /// <summary>Creates a key.</summary>
    /// <param name="enteredAt">When the lead entered its stage (compared as an instant: the offset does not matter).</param>
    /// <param name="leadId">The lead; set.</param>
    /// <exception cref="ArgumentException"><paramref name="leadId"/> is the default (unset) value.</exception>
    public FunnelPageKey(DateTimeOffset enteredAt, LeadId leadId)
    {
        if (leadId.IsDefault)
        {
            throw new ArgumentException("leadId must be set (was the default LeadId).", nameof(leadId));
        }

        EnteredAt = enteredAt;
        LeadId = leadId;
    }

    /// <summary>Gets when the lead entered its stage.</summary>
    public DateTimeOffset EnteredAt { get; }

    /// <summary>Gets the lead.</summary>
    public LeadId LeadId { get; }

    /// <summary>Returns a state's key.</summary>
    /// <param name="state">The state.</param>
    /// <returns><c>(state.EnteredAt, state.LeadId)</c>.</returns>
    public static FunnelPageKey Of(FunnelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.EnteredAt, state.LeadId);
    }

    /// <summary>Compares by the instant <see cref="EnteredAt"/> (UTC), then by <see cref="LeadId"/> (ordinal).</summary>
    /// <param name="other">The other key; <see langword="null"/> sorts first.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(FunnelPageKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byTime = EnteredAt.UtcTicks.CompareTo(other.EnteredAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(LeadId.Value, other.LeadId.Value);
    }

    /// <inheritdoc />
    public bool Equals(FunnelPageKey? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelPageKey);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EnteredAt.UtcTicks, LeadId);

    /// <summary>Returns the time only: lead ids are often e-mail addresses.</summary>
    /// <returns>E.g. <c>FunnelPageKey { EnteredAt = 2026-06-01T12:00:00.0000000+00:00 }</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"FunnelPageKey {{ EnteredAt = {EnteredAt:O} }}");
}
