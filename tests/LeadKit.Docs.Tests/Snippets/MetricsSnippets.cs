using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace LeadKit.Docs.Tests.Snippets;

/// <summary>The code of docs/metrics.md and src/LeadKit.Metrics/README.md, run as tests on data shaped like the Olist funnel.</summary>
public sealed class MetricsSnippets
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    // 8,000 leads of which 842 became customers 10 days after creation: the proportions the docs quote.
    private static readonly LeadJourney[] Journeys = [.. Enumerable.Range(0, 8000).Select(Journey)];

    private static readonly Deal[] Deals =
    [
        new(new DealId("D-1"), new Money(12_000m, CurrencyCode.Eur), Start.AddDays(2), DealStatus.Won, Start.AddDays(10), new LeadId("L-0")),
        new(new DealId("D-2"), new Money(8_000m, CurrencyCode.Eur), Start.AddDays(3), DealStatus.Lost, Start.AddDays(20), new LeadId("L-1")),
        new(new DealId("D-3"), new Money(500_000m, CurrencyCode.Eur), Start.AddDays(4), DealStatus.Open, leadId: new LeadId("L-2")),
    ];

    // The second customer churned before it was acquired: excluded and listed, never counted.
    private static readonly CustomerRecord[] Customers =
    [
        new(new AccountId("acme"), Start.AddDays(10)),
        new(new AccountId("broken"), Start.AddDays(30), Start.AddDays(20)),
    ];

    private static LeadJourney Journey(int i)
    {
        var created = Start.AddHours(i);
        StageChange[] changes = i < 842 ? [new StageChange { From = FunnelStage.Lead, To = FunnelStage.Customer, Trigger = FunnelTrigger.Win, OccurredAt = created.AddDays(10) }] : [];
        return new LeadJourney(new LeadId($"L-{i}"), i % 2 == 0 ? LeadSource.Referral : LeadSource.WebsiteForm, created, changes, initialStage: FunnelStage.Lead);
    }

    [Fact]
    public void OneCall_OlistShapedData_GivesTheRateTheDocQuotes()
    {
        var journeys = Journeys;
        var deals = Deals;
        var customers = Customers;

        #region metrics-one-call
        var options = new FunnelReportOptions
        {
            PeriodUnit = PeriodUnit.Month,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
            ConversionHorizon = TimeSpan.FromDays(90),
            DataQuality = DataQualityMode.Exclude,    // default Reject: throw, naming every bad record
        };
        options.Quotas[CurrencyCode.Eur] = 250_000m;  // for pipeline coverage
        var calculator = new FunnelReportCalculator(options);

        FunnelReport report = calculator.Calculate(journeys, deals, customers);
        Rate conversion = report.Overall.Conversion.LeadToCustomer;   // 842/8000 = 10.53% (95% CI 9.87%..11.22%)
        var perSource = report.BySource;                              // the same KPIs per segment; also ByOwner, ByPeriod
        var retention = report.Retention;                             // CRR and churn per period, cohort matrix
        var excluded = report.DataQuality.Issues;                     // every excluded record and why
        #endregion

        Assert.Equal("842/8000 = 10.53% (95% CI 9.87%..11.22%)", conversion.ToString());
        Assert.Equal(["referral", "website_form"], perSource.Select(s => s.Key.Label));
        Assert.NotEmpty(retention.Periods);
        Assert.Equal(DataQualityIssueKind.ChurnBeforeAcquisition, Assert.Single(excluded).Kind);
        Assert.Equal("500000/250000 = 2", Assert.Single(report.Overall.Deals.ByCurrency).Pipeline.Coverage.ToString());
    }

    [Fact]
    public void PackageReadme_OlistShapedData_PrintsTheQuotedRateAndPerSourceLines()
    {
        var journeys = Journeys;
        var deals = Deals;
        var customers = Customers;
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            #region metrics-readme
            var options = new FunnelReportOptions { PeriodUnit = PeriodUnit.Month, DataQuality = DataQualityMode.Exclude };
            var report = new FunnelReportCalculator(options).Calculate(journeys, deals, customers);

            Console.WriteLine(report.Overall.Conversion.LeadToCustomer);   // 842/8000 = 10.53% (95% CI 9.87%..11.22%)
            foreach (var source in report.BySource)
            {
                Console.WriteLine($"{source.Key.Label}: {source.Conversion.LeadToCustomer}, median cycle {source.SalesCycle.Length.Median}");
            }
            #endregion
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("842/8000 = 10.53% (95% CI 9.87%..11.22%)", lines[0]);
        Assert.StartsWith("referral: 421/4000 = 10.53%", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("median cycle 10.00:00:00", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void DependencyInjection_DefaultAndNamedReports_ResolveWithTheirOptions()
    {
        var services = new ServiceCollection();

        #region metrics-di
        services.AddLeadKitMetrics(o => o.PeriodUnit = PeriodUnit.Month);          // FunnelReportCalculator singleton
        services.AddLeadKitMetrics("weekly", o => o.PeriodUnit = PeriodUnit.IsoWeek); // keyed: [FromKeyedServices("weekly")]
        #endregion

        using var provider = services.BuildServiceProvider();
        Assert.Equal(PeriodUnit.Month, provider.GetRequiredService<FunnelReportCalculator>().Calculate(Journeys).PeriodUnit);
        Assert.Equal(PeriodUnit.IsoWeek, provider.GetRequiredKeyedService<FunnelReportCalculator>("weekly").Calculate(Journeys).PeriodUnit);
    }
}
