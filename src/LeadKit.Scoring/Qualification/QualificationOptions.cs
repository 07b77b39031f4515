using LeadKit.Abstractions.Configuration;
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

    /// <summary>Lists every invalid option; each problem's path names the option (<c>QualificationOptions.MqlFitThreshold</c>).</summary>
    /// <returns>The problems; empty when valid.</returns>
    /// <remarks>Messages name the rule, never the value (a value may come from configuration an operator typed).</remarks>
    public IReadOnlyList<ConfigurationProblem> Validate()
    {
        var problems = new List<ConfigurationProblem>();
        if (!Enum.IsDefined(MqlRule))
        {
            problems.Add(Problem(nameof(MqlRule), ConfigurationProblemCodes.InvalidValue, "must be a defined MqlRule"));
        }

        Finite(MqlFitThreshold, nameof(MqlFitThreshold), problems);
        Finite(MqlEngagementThreshold, nameof(MqlEngagementThreshold), problems);
        Finite(MqlTotalThreshold, nameof(MqlTotalThreshold), problems);
        if ((SqlRequiredBant & ~BantCriteria.All) != 0)
        {
            problems.Add(Problem(nameof(SqlRequiredBant), ConfigurationProblemCodes.InvalidValue, "must hold only defined BantCriteria flags"));
        }

        if (ImmediateIntentSignals is null || ImmediateIntentSignals.Any(k => k.IsDefault))
        {
            problems.Add(Problem(nameof(ImmediateIntentSignals), ConfigurationProblemCodes.Required, "must not be null or contain an unset signal kind"));
        }

        if (ImmediateIntentMaxAge <= TimeSpan.Zero)
        {
            problems.Add(Problem(nameof(ImmediateIntentMaxAge), ConfigurationProblemCodes.OutOfRange, "must be positive"));
        }

        if (BoughtFromCompetitorField.IsDefault)
        {
            problems.Add(Problem(nameof(BoughtFromCompetitorField), ConfigurationProblemCodes.Required, "must be set"));
        }

        return problems;
    }

    private static ConfigurationProblem Problem(string option, string code, string message)
        => new(nameof(QualificationOptions) + "." + option, code, message);

    private static void Finite(double value, string name, List<ConfigurationProblem> problems)
    {
        if (!double.IsFinite(value))
        {
            problems.Add(Problem(name, ConfigurationProblemCodes.OutOfRange, "must be a finite number"));
        }
    }
}
