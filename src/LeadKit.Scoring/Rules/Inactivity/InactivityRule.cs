using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// A penalty for going quiet: gives <see cref="Points"/> (zero or negative) when the lead's latest signal at or before
/// <c>asOf</c> is more than <see cref="After"/> ago. Only a lead with no such signal is measured from its creation
/// (the grace period of a new lead).
/// </summary>
/// <remarks>
/// Creating, importing or recycling a record is not the buyer doing anything: a lead created 10 days ago whose only
/// signal is 100 days old has been quiet for 100 days and gets the penalty. A signal dated before the lead's creation
/// (activity tracked before the record existed) counts like any other.
/// </remarks>
/// <param name="name">The rule's name, unique within a model.</param>
/// <param name="after">How long without a signal makes a lead inactive; must be positive.</param>
/// <param name="points">The penalty; must be finite and not positive, so a new signal never lowers a score.</param>
public sealed class InactivityRule(string name, TimeSpan after, double points) : IScoringRule
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    /// <value>Defaults to <see cref="ScoreDimension.Engagement"/>.</value>
    public ScoreDimension Dimension { get; init; } = ScoreDimension.Engagement;

    /// <summary>Gets how long without a signal makes a lead inactive.</summary>
    public TimeSpan After { get; } = after;

    /// <summary>Gets the penalty.</summary>
    public double Points { get; } = points;

    /// <inheritdoc />
    public double Evaluate(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var asOfTicks = asOf.UtcTicks;
        long? latest = null;
        foreach (ref readonly var signal in lead.Signals.AsSpan())
        {
            var at = signal.OccurredAtUtcTicks;
            if (at <= asOfTicks && (latest is null || at > latest))
            {
                latest = at;
            }
        }

        return asOfTicks - (latest ?? lead.CreatedAt.UtcTicks) > After.Ticks ? Points : 0;
    }
}
