using System.Collections.Immutable;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Learning.Backtesting;

/// <summary>
/// One lead from history: the lead with its signals, the moment the qualification decision was made, and whether it
/// converted (was won) afterwards. Backtesting and learning read the lead only as it was at <see cref="DecidedAt"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HistoricalLead
{
    /// <summary>Creates a historical lead.</summary>
    /// <param name="lead">The lead, possibly with signals recorded after the decision (they are ignored).</param>
    /// <param name="decidedAt">When the decision was made; must not be the default value.</param>
    /// <param name="converted"><see langword="true"/> when the lead converted (was won), <see langword="false"/> when not.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="decidedAt"/> is the default value.</exception>
    public HistoricalLead(Lead lead, DateTimeOffset decidedAt, bool converted)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (decidedAt == default)
        {
            throw new ArgumentException("decidedAt must be set (was the default value).", nameof(decidedAt));
        }

        Lead = lead;
        DecidedAt = decidedAt;
        Converted = converted;
    }

    /// <summary>Gets the lead as recorded, possibly including signals after <see cref="DecidedAt"/>.</summary>
    public Lead Lead { get; }

    /// <summary>Gets when the qualification decision was made: the moment the lead is scored as of.</summary>
    public DateTimeOffset DecidedAt { get; }

    /// <summary>Gets a value indicating whether the lead converted (was won).</summary>
    public bool Converted { get; }

    /// <summary>
    /// Gets the lead as it was known at <see cref="DecidedAt"/>: every signal that occurred after the decision is removed,
    /// so that no scorer, however it is written, can see the future.
    /// </summary>
    /// <returns>The lead itself when it has no later signal, otherwise a copy without the later signals.</returns>
    public Lead LeadAsOfDecision()
    {
        var signals = Lead.Signals;
        var decided = DecidedAt.UtcTicks;
        var later = 0;
        foreach (ref readonly var signal in signals.AsSpan())
        {
            if (signal.OccurredAtUtcTicks > decided)
            {
                later++;
            }
        }

        if (later == 0)
        {
            return Lead;
        }

        var kept = ImmutableArray.CreateBuilder<EngagementSignal>(signals.Length - later);
        foreach (ref readonly var signal in signals.AsSpan())
        {
            if (signal.OccurredAtUtcTicks <= decided)
            {
                kept.Add(signal);
            }
        }

        return Lead with { Signals = kept.MoveToImmutable() };
    }
}
