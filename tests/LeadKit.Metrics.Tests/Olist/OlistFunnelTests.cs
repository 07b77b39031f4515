using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Reports;
using LeadKit.Metrics.Statistics;
using LeadKit.Testing;
using LeadKit.Testing.Olist;

namespace LeadKit.Metrics.Tests.Olist;

/// <summary>
/// Reproduces the independently computed facts of shared/datasets/olist-marketing-funnel/PROVENANCE.md.
/// PROVENANCE counts the raw rows, including deal b91cf8812365f50ff4bda4bcd6206b05 won 1.18 days before its first
/// contact; LeadKit never turns that into a negative duration, so it rejects the record or, with Exclude, leaves it
/// out and lists it. The tests check both the raw facts (record added back) and LeadKit's own figures.
/// </summary>
public sealed class OlistFunnelTests
{
    private const string WonEarly = "b91cf8812365f50ff4bda4bcd6206b05";

    /// <summary>The rate in percent, rounded half away from zero as PROVENANCE.md prints it (exact, from the counts).</summary>
    private static decimal Percent(Rate rate) => Math.Round(100m * rate.Numerator / rate.Denominator, 2, MidpointRounding.AwayFromZero);

    private static OlistDataset Load() => OlistDataset.Load(Datasets.Require("olist-marketing-funnel"));

    private static FunnelReport ExcludingReport(OlistDataset data)
    {
        var options = OlistJourneys.Options();
        options.DataQuality = DataQualityMode.Exclude;
        return new FunnelReportCalculator(options).Calculate(OlistJourneys.From(data));
    }

    [SkippableFact]
    public void Import_RealFiles_EveryRowReadAndNoProblem()
    {
        var data = Load();

        Assert.Empty(data.Problems);
        Assert.Equal(8000, data.Mqls.Count);
        Assert.Equal(842, data.ClosedDeals.Count);
        Assert.Equal(495, data.Mqls.Select(m => m.LandingPageId).Distinct().Count());
        Assert.Equal(32, data.ClosedDeals.Select(d => d.Sdr).Distinct().Count());
        Assert.Equal(22, data.ClosedDeals.Select(d => d.Sr).Distinct().Count());
    }

    [SkippableFact]
    public void Report_Reject_NamesTheDealWonBeforeItsFirstContact()
    {
        var journeys = OlistJourneys.From(Load());

        var error = Assert.Throws<MetricsDataException>(() => new FunnelReportCalculator(OlistJourneys.Options()).Calculate(journeys));

        var issue = Assert.Single(error.Issues);
        Assert.Equal((RecordKind.LeadJourney, WonEarly, DataQualityIssueKind.WonBeforeCreation), (issue.Record, issue.RecordId, issue.Kind));
        Assert.Contains("1.18 days before", issue.Detail, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"LeadJourney #{issue.Index}"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WonEarly, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Report_Exclude_MqlToWonIs842Of8000WithTheListedRecordCounted()
    {
        var report = ExcludingReport(Load());
        var conversion = report.Overall.Conversion.LeadToCustomer;

        Assert.Equal(WonEarly, Assert.Single(report.DataQuality.Issues).RecordId);
        Assert.Equal(1, report.DataQuality.ExcludedJourneys);
        Assert.Equal((841L, 7999L), (conversion.Numerator, conversion.Denominator));
        // PROVENANCE fact 1 counts every row: the listed record is a won MQL.
        var raw = new Rate(conversion.Numerator + 1, conversion.Denominator + 1);
        Assert.Equal((842L, 8000L), (raw.Numerator, raw.Denominator));
        Assert.Equal(10.53m, Percent(raw));
        Assert.Equal(10.51m, Percent(conversion));
        Assert.InRange(raw.Value!.Value, raw.Lower!.Value, raw.Upper!.Value);
    }

    [SkippableFact]
    public void SalesCycle_RawDurations_Median14Point65Mean49Point1AsInProvenance()
    {
        var data = Load();
        var firstContact = data.Mqls.ToDictionary(m => m.Id, m => m.FirstContact);
        // All 842 raw durations, the negative one included, through LeadKit's percentile definition.
        var ticks = data.ClosedDeals.Select(d => (d.WonAt - firstContact[d.MqlId]).Ticks).Order().ToArray();

        var raw = DurationStatistics.FromSorted(ticks, ticks.Aggregate(Int128.Zero, (sum, t) => sum + t));

        Assert.Equal(14.65, Math.Round(raw.Median!.Value.TotalDays, 2));
        Assert.Equal(49.1, Math.Round(raw.Mean!.Value.TotalDays, 1));
        Assert.Equal(427.6, Math.Round(raw.Max!.Value.TotalDays, 1));
        Assert.Equal(-1.18, Math.Round(raw.Min!.Value.TotalDays, 2));
    }

    [SkippableFact]
    public void SalesCycle_Report_MeasuresTheValidDealsOnlyAndNeverANegativeDuration()
    {
        var length = ExcludingReport(Load()).Overall.SalesCycle.Length;

        Assert.Equal(841, length.Count);
        Assert.True(length.Min >= TimeSpan.Zero);
        // Without the −1.18-day deal the median moves from 14.65 to 14.72 days and the mean from 49.10 to 49.16.
        Assert.Equal(14.72, Math.Round(length.Median!.Value.TotalDays, 2));
        Assert.Equal(49.16, Math.Round(length.Mean!.Value.TotalDays, 2));
        Assert.Equal(427.6, Math.Round(length.Max!.Value.TotalDays, 1));
    }

    [SkippableFact]
    public void Conversion_ByOrigin_MatchesProvenance()
    {
        var report = ExcludingReport(Load());
        var byOrigin = report.BySource.ToDictionary(s => s.Key.Label, s => s.Conversion.LeadToCustomer);

        // PROVENANCE fact 3 (raw rows); the excluded organic_search record is added back.
        var expected = new Dictionary<string, (long Won, long Mqls, double Percent)>
        {
            ["paid_search"] = (195, 1586, 12.3),
            ["organic_search"] = (271, 2296, 11.8),
            ["direct_traffic"] = (56, 499, 11.2),
            ["unknown"] = (179, 1099, 16.3),
            ["social"] = (75, 1350, 5.6),
            ["email"] = (15, 493, 3.0),
        };
        foreach (var (origin, (won, mqls, percent)) in expected)
        {
            var rate = byOrigin[origin];
            var addBack = origin == "organic_search" ? 1 : 0;
            var raw = new Rate(rate.Numerator + addBack, rate.Denominator + addBack);
            Assert.Equal((won, mqls), (raw.Numerator, raw.Denominator));
            Assert.Equal(percent, Math.Round(raw.Value!.Value * 100, 1));
        }

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["blank"] = 60, ["direct_traffic"] = 499, ["display"] = 118, ["email"] = 493, ["organic_search"] = 2295,
                ["other"] = 150, ["other_publicities"] = 65, ["paid_search"] = 1586, ["referral"] = 284, ["social"] = 1350, ["unknown"] = 1099,
            },
            report.BySource.ToDictionary(s => s.Key.Label, s => s.Conversion.Leads));
    }

    [SkippableFact]
    public void Report_ByOwner_TwentyTwoSalesRepsPlusUnassignedMqls()
    {
        var report = ExcludingReport(Load());

        Assert.Equal(23, report.ByOwner.Count);
        Assert.Equal("(unassigned)", report.ByOwner[^1].Key.Label);
        Assert.Equal(7158, report.ByOwner[^1].Conversion.Leads);
        Assert.Equal(841, report.ByOwner.Take(22).Sum(o => o.Conversion.LeadToCustomer.Numerator));
    }
}
