using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Scoring.Qualification;

/// <summary>Thresholds and criteria of the <see cref="DefaultQualificationPolicy"/>.</summary>
public sealed class QualificationOptions
{
    /// <summary>Gets or sets how MQL is decided.</summary>
    /// <value>Defaults to <see cref="MqlRule.FitAndEngagement"/>.</value>
    public MqlRule MqlRule { get; set; } = MqlRule.FitAndEngagement;

    /// <summary>Gets or sets the fit points an MQL needs (with <see cref="MqlRule.FitAndEngagement"/>).</summary>
    /// <value>Defaults to 40.</value>
    public double MqlFitThreshold { get; set; } = 40;

    /// <summary>Gets or sets the engagement points an MQL needs (with <see cref="MqlRule.FitAndEngagement"/>).</summary>
    /// <value>Defaults to 30.</value>
    public double MqlEngagementThreshold { get; set; } = 30;

    /// <summary>Gets or sets the total points an MQL needs (with <see cref="MqlRule.Total"/>).</summary>
    /// <value>Defaults to 70.</value>
    public double MqlTotalThreshold { get; set; } = 70;

    /// <summary>Gets or sets the BANT criteria that must be confirmed for an SQL.</summary>
    /// <value>Defaults to budget, authority and need.</value>
    public BantCriteria SqlRequiredBant { get; set; } = BantCriteria.Budget | BantCriteria.Authority | BantCriteria.Need;

    /// <summary>Gets or sets the signal kinds that express immediate purchase intent.</summary>
    /// <value>Defaults to <c>demo_requested</c> and <c>quote_requested</c>.</value>
    public IList<EngagementSignalKind> ImmediateIntentSignals { get; set; } = [EngagementSignalKind.DemoRequested, EngagementSignalKind.QuoteRequested];

    /// <summary>Gets or sets how recent an immediate-intent signal must be.</summary>
    /// <value>Defaults to 30 days. Must be positive.</value>
    public TimeSpan ImmediateIntentMaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the boolean custom attribute that records a lead bought from a competitor.</summary>
    /// <value>Defaults to <c>bought_from_competitor</c>.</value>
    public CustomFieldKey BoughtFromCompetitorField { get; set; } = new("bought_from_competitor");

    /// <summary>Lists every invalid option, naming the option and the value.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(MqlRule))
        {
            problems.Add($"{nameof(MqlRule)} has an undefined value ({MqlRule}).");
        }

        Finite(MqlFitThreshold, nameof(MqlFitThreshold), problems);
        Finite(MqlEngagementThreshold, nameof(MqlEngagementThreshold), problems);
        Finite(MqlTotalThreshold, nameof(MqlTotalThreshold), problems);
        if ((SqlRequiredBant & ~BantCriteria.All) != 0)
        {
            problems.Add($"{nameof(SqlRequiredBant)} has undefined flags ({SqlRequiredBant}).");
        }

        if (ImmediateIntentSignals is null || ImmediateIntentSignals.Any(k => k.IsDefault))
        {
            problems.Add($"{nameof(ImmediateIntentSignals)} must not be null or contain an unset signal kind.");
        }

        if (ImmediateIntentMaxAge <= TimeSpan.Zero)
        {
            problems.Add(FormattableString.Invariant($"{nameof(ImmediateIntentMaxAge)} must be positive (was {ImmediateIntentMaxAge})."));
        }

        if (BoughtFromCompetitorField.IsDefault)
        {
            problems.Add($"{nameof(BoughtFromCompetitorField)} must be set.");
        }

        return problems;
    }

    private static void Finite(double value, string name, List<string> problems)
    {
        if (!double.IsFinite(value))
        {
            problems.Add(FormattableString.Invariant($"{name} must be a finite number (was {value})."));
        }
    }
}
