using FsCheck.Xunit;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;
using LeadKit.Metrics.Statistics;
using LeadKit.Metrics.Tests.Support;

namespace LeadKit.Metrics.Tests.Reports;

/// <summary>Invariants of whole reports over random valid scenarios.</summary>
public sealed class FunnelReportPropertyTests
{
    private static readonly FunnelReportCalculator Calculator = new(new FunnelReportOptions { ConversionHorizon = TimeSpan.FromDays(45) });

    private static readonly FunnelReportCalculator Excluding = new(new FunnelReportOptions { DataQuality = DataQualityMode.Exclude });

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public bool Report_InputOrder_DoesNotChangeAnyNumber(Scenario scenario)
    {
        var original = Calculator.Calculate(scenario.Journeys, scenario.Deals, scenario.Customers);
        var (journeys, deals, customers) = scenario.Shuffled(scenario.Seed + 1);
        var shuffled = Calculator.Calculate(journeys, deals, customers);

        return ReportText.Describe(original) == ReportText.Describe(shuffled);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public bool Report_InputOrderWithExcludedDuplicates_DoesNotChangeAnyNumberOrIssue(Scenario scenario)
    {
        // A second journey with the first one's id but another source: which copy comes first must not matter.
        var twin = scenario.Journeys.Count > 0
            ? new LeadJourney(scenario.Journeys[0].Id, LeadSource.Other, scenario.Journeys[0].CreatedAt.AddDays(1))
            : new LeadJourney(new LeadId("solo"), LeadSource.Other, Funnel.T0);
        var original = Excluding.Calculate([.. scenario.Journeys, twin], scenario.Deals, scenario.Customers);
        var (journeys, deals, customers) = scenario.Shuffled(scenario.Seed + 1);
        var shuffled = Excluding.Calculate([twin, .. journeys], deals, customers);

        return WithoutPositions(original) == WithoutPositions(shuffled)
            && (scenario.Journeys.Count == 0 || shuffled.DataQuality.ExcludedJourneys == 2);
    }

    /// <summary>
    /// The report as text with each issue reduced to its record kind, id and problem: an issue names its record by
    /// the record's position in the input (ids can be e-mail addresses), which a shuffle changes by design.
    /// </summary>
    private static string WithoutPositions(FunnelReport report)
        => ReportText.Describe(new object[] { report.Overall, report.BySource, report.ByOwner, report.ByPeriod, report.Retention })
            + ReportText.Describe(report.DataQuality.Issues.Select(i => $"{i.Record} {i.RecordId} {i.Kind}").ToArray())
            + ReportText.Describe(new[] { report.DataQuality.ExcludedJourneys, report.DataQuality.ExcludedDeals, report.DataQuality.ExcludedCustomers });

    [Fact]
    public void ReportText_OneLeadMoreOrLess_DescriptionsDiffer()
    {
        var scenario = new Scenario(7, 50);
        var full = ReportText.Describe(Calculator.Calculate(scenario.Journeys, scenario.Deals, scenario.Customers));
        var shorter = ReportText.Describe(Calculator.Calculate(scenario.Journeys.Skip(1), scenario.Deals.Where(d => d.LeadId != scenario.Journeys[0].Id), scenario.Customers));

        Assert.NotEqual(full, shorter);
        Assert.Contains("LeadToCustomer=", full, StringComparison.Ordinal);
        Assert.Contains("Median=", full, StringComparison.Ordinal);
        Assert.True(full.Length > 10_000, $"the description has only {full.Length} characters");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public bool Report_GroupedCounts_AddUpToOverall(Scenario scenario)
    {
        var report = Calculator.Calculate(scenario.Journeys, scenario.Deals, scenario.Customers);
        var overall = report.Overall;

        bool LeadsAddUp(IReadOnlyList<FunnelSegment> segments) =>
            segments.Sum(s => s.Conversion.Leads) == overall.Conversion.Leads
            && segments.Sum(s => s.Conversion.LeadToCustomer.Numerator) == overall.Conversion.LeadToCustomer.Numerator
            && segments.Sum(s => s.SalesCycle.Length.Count) == overall.SalesCycle.Length.Count
            && segments.Sum(s => s.Response.Time.Count) == overall.Response.Time.Count
            && segments.Sum(s => s.Response.WithinSla.Numerator) == overall.Response.WithinSla.Numerator
            && Enumerable.Range(0, overall.Conversion.Waterfall.Count).All(i =>
                segments.Sum(s => s.Conversion.Waterfall[i].Rate.Numerator) == overall.Conversion.Waterfall[i].Rate.Numerator);

        bool DealsAddUp(IReadOnlyList<FunnelSegment> segments, bool includesOpen) =>
            segments.Sum(s => s.Deals.Won) == overall.Deals.Won
            && segments.Sum(s => s.Deals.Lost) == overall.Deals.Lost
            && segments.Sum(s => s.Deals.Open) == (includesOpen ? overall.Deals.Open : 0)
            && overall.Deals.ByCurrency.All(c =>
                segments.SelectMany(s => s.Deals.ByCurrency).Where(x => x.Currency == c.Currency).Sum(x => x.Volume.WonValue) == c.Volume.WonValue);

        return LeadsAddUp(report.BySource) && LeadsAddUp(report.ByOwner) && LeadsAddUp(report.ByPeriod)
            && DealsAddUp(report.BySource, true) && DealsAddUp(report.ByOwner, true) && DealsAddUp(report.ByPeriod, false);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public bool Report_EveryStatistic_MeanWithinMinMaxAndMedianWithinQuartiles(Scenario scenario)
    {
        var report = Calculator.Calculate(scenario.Journeys, scenario.Deals, scenario.Customers);
        var segments = new[] { report.Overall }.Concat(report.BySource).Concat(report.ByOwner).Concat(report.ByPeriod);

        static bool Ordered(DurationStatistics s) => !s.HasData
            || (s.Min <= s.Mean && s.Mean <= s.Max && s.Min <= s.P25 && s.P25 <= s.Median && s.Median <= s.P75 && s.P75 <= s.P90 && s.P90 <= s.Max);

        static bool MoneyOrdered(MoneyStatistics s) => !s.HasData
            || (s.Min <= s.Mean && s.Mean <= s.Max && s.P25 <= s.Median && s.Median <= s.P75 && s.P90 <= s.Max);

        return segments.All(s => Ordered(s.SalesCycle.Length) && Ordered(s.Response.Time) && s.Deals.ByCurrency.All(c => MoneyOrdered(c.AverageTicket)));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public bool Report_EveryRate_InUnitIntervalWithIntervalAroundIt(Scenario scenario)
    {
        var report = Calculator.Calculate(scenario.Journeys, scenario.Deals, scenario.Customers);
        var segments = new[] { report.Overall }.Concat(report.BySource).Concat(report.ByOwner).Concat(report.ByPeriod);
        var rates = segments.SelectMany(s => s.Conversion.Waterfall.Select(w => w.Rate)
                .Append(s.Conversion.LeadToCustomer).Append(s.Response.WithinSla).Append(s.Deals.WinRateByCount)
                .Concat(s.Deals.ByCurrency.Select(c => c.WinRate.ByCount)))
            .Concat(report.Retention.Periods.SelectMany(p => new[] { p.Crr, p.Churn }))
            .Concat(report.Retention.Cohorts.SelectMany(c => c.Retained));

        return rates.All(r => !r.HasData || (r.Lower <= r.Value && r.Value <= r.Upper && r.Lower >= 0d && r.Upper <= 1d))
            && segments.All(s => s.Deals.ByCurrency.All(c => c.WinRate.ByValue.Value is null or (>= 0m and <= 1m)));
    }
}
