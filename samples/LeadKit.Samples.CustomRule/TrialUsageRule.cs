using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Samples.CustomRule;

/// <summary>
/// A plugin rule: product-qualified leads. <see cref="PointsPerSeat"/> engagement points per active trial seat (read
/// from the custom attribute <c>trial_seats</c>), at most <see cref="MaxPoints"/>. Thread-safe and allocation-free,
/// like every built-in rule.
/// </summary>
/// <param name="name">The rule's name.</param>
/// <param name="pointsPerSeat">Points per seat.</param>
/// <param name="maxPoints">The most points the rule gives.</param>
internal sealed class TrialUsageRule(string name, double pointsPerSeat, double maxPoints) : IScoringRule
{
    private static readonly CustomFieldKey TrialSeats = new("trial_seats");

    public string Name { get; } = name;

    public ScoreDimension Dimension { get; init; } = ScoreDimension.Engagement;

    public double PointsPerSeat { get; } = pointsPerSeat;

    public double MaxPoints { get; } = maxPoints;

    public double Evaluate(Lead lead, DateTimeOffset asOf)
        => lead.TryGetCustomField(TrialSeats, out var seats) && seats.Kind == CustomFieldValueKind.Number
            ? Math.Min(MaxPoints, PointsPerSeat * seats.Number)
            : 0;
}
