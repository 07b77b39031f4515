using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Reports;
using static LeadKit.Metrics.Tests.Support.Funnel;

namespace LeadKit.Metrics.Tests.DataQuality;

/// <summary>
/// Dates a report cannot place (the edges of the calendar) and dates too far from the rest of the data (a
/// "never" churn date such as 9999-12-30) are data-quality findings that name the record, never an exception
/// from the calendar or a report whose size follows the dates instead of the records.
/// </summary>
public sealed class DateRangeTests
{
    private static readonly DateTimeOffset Never = new(9999, 12, 30, 0, 0, 0, TimeSpan.Zero);

    private static FunnelReportCalculator Calculator(DataQualityMode mode, PeriodUnit unit = PeriodUnit.Day, TimeZoneInfo? zone = null)
        => new(new FunnelReportOptions { DataQuality = mode, PeriodUnit = unit, TimeZone = zone ?? TimeZoneInfo.Utc });

    private static CustomerRecord[] NeverChurning(int count)
    {
        var customers = new CustomerRecord[count];
        for (var i = 0; i < count; i++)
        {
            customers[i] = new CustomerRecord(new AccountId($"acct-{i}"), T0.AddDays(i), Never);
        }

        return customers;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(400)]
    public void Retention_ChurnOnNeverDate_StaysSmallAndListsEachRecord(int count)
    {
        var customers = NeverChurning(count);
        var calculator = Calculator(DataQualityMode.Exclude);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = calculator.Calculate([], customers: customers);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 400 customers over 400 days: the cohort matrix is at most 400 x 400 rates; 2.9 million day periods
        // per customer (what the dates alone would ask for) would be gigabytes.
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated:N0} bytes");
        Assert.Equal(count, report.DataQuality.ExcludedCustomers);
        Assert.All(report.DataQuality.Issues, i => Assert.Equal((RecordKind.Customer, DataQualityIssueKind.DateOutOfRange), (i.Record, i.Kind)));
        Assert.Equal(Enumerable.Range(0, count), report.DataQuality.Issues.Select(i => i.Index).Order());
        Assert.Empty(report.Retention.Periods);
    }

    [Fact]
    public void Retention_NeverDateBesideOrdinaryChurns_OnlyTheFarDateIsListed()
    {
        CustomerRecord[] customers =
        [
            new(new AccountId("a"), Day(0), Day(40)),
            new(new AccountId("b"), Day(1)),
            new(new AccountId("c"), Day(2), Never),
        ];

        var report = Calculator(DataQualityMode.Exclude).Calculate([], customers: customers);

        var issue = Assert.Single(report.DataQuality.Issues);
        Assert.Equal((RecordKind.Customer, 2, DataQualityIssueKind.DateOutOfRange), (issue.Record, issue.Index, issue.Kind));
        Assert.Contains("churnedAt", issue.Detail, StringComparison.Ordinal);
        Assert.Equal(41, report.Retention.Periods.Count);
    }

    [Fact]
    public void Reject_CustomerInLastMonthOfTheCalendar_ThrowsMetricsDataExceptionNamingTheRecord()
    {
        CustomerRecord[] customers = [new(new AccountId("a"), Day(0)), new(new AccountId("late"), new DateTimeOffset(9999, 12, 31, 12, 0, 0, TimeSpan.Zero))];

        var error = Assert.Throws<MetricsDataException>(() => Calculator(DataQualityMode.Reject, PeriodUnit.Month).Calculate([], customers: customers));

        var issue = Assert.Single(error.Issues);
        Assert.Equal((RecordKind.Customer, 1, DataQualityIssueKind.DateOutOfRange), (issue.Record, issue.Index, issue.Kind));
        Assert.Contains("Customer #1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("late", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PeriodUnit.Day)]
    [InlineData(PeriodUnit.IsoWeek)]
    [InlineData(PeriodUnit.Month)]
    [InlineData(PeriodUnit.Quarter)]
    [InlineData(PeriodUnit.Year)]
    public void Exclude_JourneyAndDealAtTheEndOfTheCalendar_AreFindingsNotExceptions(PeriodUnit unit)
    {
        var late = new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.Zero);
        LeadJourney[] journeys = [Lead("ok", LeadSource.Referral, 0, null, (FunnelStage.Mql, 1)), Lead("late", LeadSource.Referral, late, null, null)];
        var deal = new LeadKit.Abstractions.Sales.Deal(new DealId("d"), new LeadKit.Abstractions.Common.Money(1m, LeadKit.Abstractions.Common.CurrencyCode.Eur), Day(0), LeadKit.Abstractions.Sales.DealStatus.Won, late);

        var report = Calculator(DataQualityMode.Exclude, unit).Calculate(journeys, [deal]);

        Assert.Equal(
            [(RecordKind.LeadJourney, 1, DataQualityIssueKind.DateOutOfRange), (RecordKind.Deal, 0, DataQualityIssueKind.DateOutOfRange)],
            report.DataQuality.Issues.Select(i => (i.Record, i.Index, i.Kind)).OrderBy(i => i.Record));
        Assert.Equal(1, report.Overall.Conversion.Leads);
    }

    [Fact]
    public void Periods_DealClosedOnNeverDateBesideOrdinaryLeads_CostOnePeriodNotMillions()
    {
        LeadJourney[] journeys = [Lead("a", LeadSource.Referral, 0, null), Lead("b", LeadSource.Referral, 3, null)];
        var deal = new LeadKit.Abstractions.Sales.Deal(new DealId("d"), new LeadKit.Abstractions.Common.Money(1m, LeadKit.Abstractions.Common.CurrencyCode.Eur), Day(0), LeadKit.Abstractions.Sales.DealStatus.Lost, Never);
        var calculator = Calculator(DataQualityMode.Reject);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = calculator.Calculate(journeys, [deal]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 4L * 1024 * 1024, $"allocated {allocated:N0} bytes");
        Assert.Equal(["2026-01-05", "2026-01-08", "9999-12-30"], report.ByPeriod.Select(p => p.Key.Period!.Value.Label));
    }

    [Fact]
    public void Exclude_YearOneInAZoneAheadOfUtc_IsAFinding()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("test+10", TimeSpan.FromHours(10), "test+10", "test+10");
        var first = new DateTimeOffset(1, 1, 1, 0, 30, 0, TimeSpan.Zero);
        CustomerRecord[] customers = [new(new AccountId("a"), Day(0)), new(new AccountId("b"), first)];
        LeadJourney[] journeys = [Lead("early", LeadSource.Referral, first, null, null)];

        var report = Calculator(DataQualityMode.Exclude, PeriodUnit.Month, zone).Calculate(journeys, customers: customers);

        Assert.Equal(
            [(RecordKind.LeadJourney, 0), (RecordKind.Customer, 1)],
            report.DataQuality.Issues.Where(i => i.Kind == DataQualityIssueKind.DateOutOfRange).Select(i => (i.Record, i.Index)).OrderBy(i => i.Record));
    }
}
