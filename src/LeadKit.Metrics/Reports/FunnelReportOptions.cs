using System.Globalization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Response;

namespace LeadKit.Metrics.Reports;

/// <summary>Settings of a funnel report; validated when a <see cref="FunnelReportCalculator"/> is created.</summary>
/// <remarks>Not thread-safe while being configured; the calculator copies the values, so later changes have no effect on it.</remarks>
public sealed class FunnelReportOptions
{
    /// <summary>Gets or sets the waterfall stages in funnel order.</summary>
    /// <value>Default: lead, mql, sql, opportunity, customer. 2 to 62 distinct stages.</value>
    public IList<FunnelStage> Stages { get; set; } = [FunnelStage.Lead, FunnelStage.Mql, FunnelStage.Sql, FunnelStage.Opportunity, FunnelStage.Customer];

    /// <summary>Gets or sets the stage whose first entry means the lead converted (became a customer).</summary>
    /// <value>Default: <see cref="FunnelStage.Customer"/>.</value>
    public FunnelStage ConvertedStage { get; set; } = FunnelStage.Customer;

    /// <summary>Gets or sets the stage where the sales cycle starts; unset (the default) starts it at the lead's creation.</summary>
    public FunnelStage CycleStartStage { get; set; }

    /// <summary>Gets or sets how long after its creation a lead may take to count as converted (and as reaching a waterfall stage).</summary>
    /// <value>Default: <see langword="null"/>, no horizon. Must be positive when set.</value>
    public TimeSpan? ConversionHorizon { get; set; }

    /// <summary>Gets or sets the length of the report periods.</summary>
    /// <value>Default: <see cref="PeriodUnit.Month"/>.</value>
    public PeriodUnit PeriodUnit { get; set; } = PeriodUnit.Month;

    /// <summary>Gets or sets the time zone whose local dates define the periods.</summary>
    /// <value>Default: <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Gets or sets where lead response time starts.</summary>
    /// <value>Default: <see cref="ResponseStart.Created"/>.</value>
    public ResponseStart ResponseStart { get; set; } = ResponseStart.Created;

    /// <summary>Gets or sets the response-time service level: a touch within this time is on time.</summary>
    /// <value>Default: 1 hour. Must not be negative.</value>
    public TimeSpan ResponseSla { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets what happens to records that fail a data-quality check.</summary>
    /// <value>Default: <see cref="DataQualityMode.Reject"/>.</value>
    public DataQualityMode DataQuality { get; set; } = DataQualityMode.Reject;

    /// <summary>
    /// Gets or sets the most periods the retention table and the cohort matrix may span. The matrix holds up to
    /// cohorts x periods rates, so this bounds its memory by the data, not by how far apart two dates are.
    /// </summary>
    /// <value>
    /// Default: <see cref="DefaultMaximumRetentionPeriods"/> (1,000: about 2.7 years of days, 19 years of ISO weeks, 83
    /// years of months). 1 to <see cref="MaximumRetentionPeriodsLimit"/>. When the customer dates span more, the window of
    /// this many periods that holds the most of them is kept and each customer with a date outside it is a
    /// <see cref="DataQualityIssueKind.DateOutOfRange"/> finding (a churn date of 9999-12-30 meaning "never" is the usual case).
    /// </value>
    public int MaximumRetentionPeriods { get; set; } = DefaultMaximumRetentionPeriods;

    /// <summary>The default of <see cref="MaximumRetentionPeriods"/>.</summary>
    public const int DefaultMaximumRetentionPeriods = 1000;

    /// <summary>The largest allowed <see cref="MaximumRetentionPeriods"/>.</summary>
    public const int MaximumRetentionPeriodsLimit = 100_000;

    /// <summary>Gets the currencies deals may use; empty (the default) accepts every well-formed ISO 4217 code.</summary>
    public ISet<CurrencyCode> AcceptedCurrencies { get; } = new HashSet<CurrencyCode>();

    /// <summary>Gets the sales quota per currency for the overall pipeline coverage; amounts must be positive.</summary>
    public IDictionary<CurrencyCode, decimal> Quotas { get; } = new Dictionary<CurrencyCode, decimal>();

    /// <summary>Gets the sales quota per owner (sales rep) for each owner's pipeline coverage; amounts must be positive.</summary>
    public IDictionary<SalesRepId, Money> OwnerQuotas { get; } = new Dictionary<SalesRepId, Money>();

    /// <summary>
    /// Checks every setting and returns every problem found, each with the option's path (e.g.
    /// <c>FunnelReportOptions.Stages[2]</c>), a stable code and the rule it breaks. Messages hold no values: owners
    /// are named by their position (sales rep ids can be e-mail addresses), currencies by their ISO code in the path.
    /// </summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate()
    {
        var problems = new List<ConfigurationProblem>();
        void Add(string option, string code, string message) => problems.Add(new ConfigurationProblem(nameof(FunnelReportOptions) + "." + option, code, message));

        if (Stages is null)
        {
            Add(nameof(Stages), ConfigurationProblemCodes.Required, "must list 2 to 62 stages (was null)");
        }
        else if (Stages.Count is < 2 or > 62)
        {
            Add(nameof(Stages), ConfigurationProblemCodes.OutOfRange, "must list 2 to 62 stages");
        }
        else
        {
            var seen = new HashSet<FunnelStage>();
            for (var i = 0; i < Stages.Count; i++)
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"{nameof(Stages)}[{i}]");
                if (Stages[i].IsDefault)
                {
                    Add(at, ConfigurationProblemCodes.Required, "must be set (was the default FunnelStage)");
                }
                else if (!seen.Add(Stages[i]))
                {
                    Add(at, ConfigurationProblemCodes.DuplicateName, "repeats an earlier stage");
                }
            }
        }

        if (ConvertedStage.IsDefault)
        {
            Add(nameof(ConvertedStage), ConfigurationProblemCodes.Required, "must be set (was the default FunnelStage)");
        }

        if (ConversionHorizon is { } horizon && horizon <= TimeSpan.Zero)
        {
            Add(nameof(ConversionHorizon), ConfigurationProblemCodes.OutOfRange, "must be positive when set");
        }

        if (!Enum.IsDefined(PeriodUnit))
        {
            Add(nameof(PeriodUnit), ConfigurationProblemCodes.InvalidValue, "is not a defined PeriodUnit");
        }

        if (TimeZone is null)
        {
            Add(nameof(TimeZone), ConfigurationProblemCodes.Required, "must not be null");
        }

        if (!Enum.IsDefined(ResponseStart))
        {
            Add(nameof(ResponseStart), ConfigurationProblemCodes.InvalidValue, "is not a defined ResponseStart");
        }

        if (ResponseSla < TimeSpan.Zero)
        {
            Add(nameof(ResponseSla), ConfigurationProblemCodes.OutOfRange, "must not be negative");
        }

        if (!Enum.IsDefined(DataQuality))
        {
            Add(nameof(DataQuality), ConfigurationProblemCodes.InvalidValue, "is not a defined DataQualityMode");
        }

        if (MaximumRetentionPeriods is < 1 or > MaximumRetentionPeriodsLimit)
        {
            Add(nameof(MaximumRetentionPeriods), ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be 1 to {MaximumRetentionPeriodsLimit}"));
        }

        foreach (var currency in AcceptedCurrencies)
        {
            if (currency.IsDefault)
            {
                Add(nameof(AcceptedCurrencies), ConfigurationProblemCodes.InvalidValue, "must not contain the default (unset) CurrencyCode");
            }
        }

        foreach (var (currency, amount) in Quotas)
        {
            if (currency.IsDefault)
            {
                Add(nameof(Quotas), ConfigurationProblemCodes.InvalidValue, "must not contain the default (unset) CurrencyCode");
            }
            else if (amount <= 0m)
            {
                Add(nameof(Quotas) + "[" + currency.Value + "]", ConfigurationProblemCodes.OutOfRange, "must be a positive amount");
            }
        }

        var position = 0;
        foreach (var (owner, quota) in OwnerQuotas)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{nameof(OwnerQuotas)}[{position}]");
            if (owner.IsDefault)
            {
                Add(at, ConfigurationProblemCodes.InvalidValue, "must name a set owner (was the default SalesRepId)");
            }
            else if (quota.Currency.IsDefault)
            {
                Add(at, ConfigurationProblemCodes.InvalidValue, "must be in a set currency");
            }
            else if (quota.Amount <= 0m)
            {
                Add(at, ConfigurationProblemCodes.OutOfRange, "must be a positive amount");
            }

            position++;
        }

        return problems;
    }
}
