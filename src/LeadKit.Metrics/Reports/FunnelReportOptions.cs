using System.Globalization;
using LeadKit.Abstractions.Common;
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

    /// <summary>Checks every setting and returns every problem found, each naming the option and the rule (and the value where it is a number or a code, never an id).</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Stages is null || Stages.Count < 2 || Stages.Count > 62)
        {
            problems.Add($"Stages must list 2 to 62 stages (had {Stages?.Count.ToString(CultureInfo.InvariantCulture) ?? "null"}).");
        }
        else
        {
            var seen = new HashSet<FunnelStage>();
            for (var i = 0; i < Stages.Count; i++)
            {
                if (Stages[i].IsDefault)
                {
                    problems.Add($"Stages[{i}] must be set (was the default FunnelStage).");
                }
                else if (!seen.Add(Stages[i]))
                {
                    problems.Add($"Stages[{i}] repeats the stage '{Stages[i]}'.");
                }
            }
        }

        if (ConvertedStage.IsDefault)
        {
            problems.Add("ConvertedStage must be set (was the default FunnelStage).");
        }

        if (ConversionHorizon is { } horizon && horizon <= TimeSpan.Zero)
        {
            problems.Add($"ConversionHorizon must be positive when set (was {horizon}).");
        }

        if (!Enum.IsDefined(PeriodUnit))
        {
            problems.Add($"PeriodUnit has an undefined value ({PeriodUnit}).");
        }

        if (TimeZone is null)
        {
            problems.Add("TimeZone must not be null.");
        }

        if (!Enum.IsDefined(ResponseStart))
        {
            problems.Add($"ResponseStart has an undefined value ({ResponseStart}).");
        }

        if (ResponseSla < TimeSpan.Zero)
        {
            problems.Add($"ResponseSla must not be negative (was {ResponseSla}).");
        }

        if (!Enum.IsDefined(DataQuality))
        {
            problems.Add($"DataQuality has an undefined value ({DataQuality}).");
        }

        if (MaximumRetentionPeriods is < 1 or > MaximumRetentionPeriodsLimit)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaximumRetentionPeriods must be 1 to {MaximumRetentionPeriodsLimit} (was {MaximumRetentionPeriods})."));
        }

        foreach (var currency in AcceptedCurrencies)
        {
            if (currency.IsDefault)
            {
                problems.Add("AcceptedCurrencies must not contain the default (unset) CurrencyCode.");
            }
        }

        foreach (var (currency, amount) in Quotas)
        {
            if (currency.IsDefault || amount <= 0m)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Quotas[{currency}] must be a positive amount of a set currency (was {amount})."));
            }
        }

        // Owners are named by their position, not their id: sales rep ids can be e-mail addresses.
        var position = 0;
        foreach (var (owner, quota) in OwnerQuotas)
        {
            if (owner.IsDefault || quota.Currency.IsDefault || quota.Amount <= 0m)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"OwnerQuotas (entry {position}) must be a set owner with a positive amount of a set currency (was {quota})."));
            }

            position++;
        }

        return problems;
    }
}
