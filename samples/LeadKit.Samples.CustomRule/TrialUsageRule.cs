using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Samples.CustomRule;

/// <summary>
/// A plugin rule: product-qualified leads. 2 engagement points per active trial seat (read from the custom
/// attribute <c>trial_seats</c>), at most 20. Thread-safe and allocation-free, like every built-in rule.
/// </summary>
internal sealed class TrialUsageRule : IScoringRule
{
    private static readonly CustomFieldKey TrialSeats = new("trial_seats");

    public string Name => "trial_usage";

    public ScoreDimension Dimension => ScoreDimension.Engagement;

    public double Evaluate(Lead lead, DateTimeOffset asOf)
        => lead.TryGetCustomField(TrialSeats, out var seats) && seats.Kind == CustomFieldValueKind.Number
            ? Math.Min(20, 2 * seats.Number)
            : 0;
}
