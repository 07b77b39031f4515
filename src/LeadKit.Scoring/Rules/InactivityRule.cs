using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// A penalty for going quiet: gives <see cref="Points"/> (zero or negative) when the lead's last activity — its
/// latest signal at or before <c>asOf</c>, or its creation when it has none — is more than <see cref="After"/> ago.
/// </summary>
/// <param name="name">The rule's name, unique within a model.</param>
/// <param name="after">How long without a signal makes a lead inactive; must be positive.</param>
/// <param name="points">The penalty; must be finite and not positive, so a new signal never lowers a score.</param>
public sealed class InactivityRule(string name, TimeSpan after, double points) : IScoringRule, IValidatedRule
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
        var last = lead.CreatedAt.UtcTicks;
        var asOfTicks = asOf.UtcTicks;
        foreach (ref readonly var signal in lead.Signals.AsSpan())
        {
            var at = signal.OccurredAtUtcTicks;
            if (at > last && at <= asOfTicks)
            {
                last = at;
            }
        }

        return asOfTicks - last > After.Ticks ? Points : 0;
    }

    void IValidatedRule.Validate(string path, List<ScoringProblem> problems)
    {
        RuleChecks.Points(Points, path + ".points", problems);
        if (Points > 0)
        {
            problems.Add(new(path + ".points", "must not be positive (inactivity is a penalty)"));
        }

        if (After <= TimeSpan.Zero)
        {
            problems.Add(new(path + ".days", "must be positive"));
        }
    }
}
