using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Reports;
using LeadKit.Metrics.Response;
using static LeadKit.Metrics.Tests.Support.Funnel;

namespace LeadKit.Metrics.Tests.Reports;

/// <summary>Hand-computed examples, one scenario per KPI family.</summary>
public sealed class FunnelReportCalculatorTests
{
    private static readonly FunnelStage[] Path = [FunnelStage.Lead, FunnelStage.Mql, FunnelStage.Sql, FunnelStage.Opportunity, FunnelStage.Customer];

    /// <summary>
    /// L1 referral/rep-a: mql d1, sql d3, opportunity d5, customer d10. L2 referral/rep-a: mql d2, disqualified d4.
    /// L3 webinar/rep-b: sql d1 (skips mql), opportunity d2, lost d20. L4 webinar/unassigned: never moves.
    /// </summary>
    private static LeadJourney[] FourLeads() =>
    [
        Lead("L1", LeadSource.Referral, 0, "rep-a", (FunnelStage.Mql, 1), (FunnelStage.Sql, 3), (FunnelStage.Opportunity, 5), (FunnelStage.Customer, 10)),
        Lead("L2", LeadSource.Referral, 0, "rep-a", (FunnelStage.Mql, 2), (FunnelStage.Disqualified, 4)),
        Lead("L3", LeadSource.Webinar, 0, "rep-b", (FunnelStage.Sql, 1), (FunnelStage.Opportunity, 2), (FunnelStage.Lost, 20)),
        Lead("L4", LeadSource.Webinar, 0, null),
    ];

    [Fact]
    public void Conversion_FourLeads_WaterfallCountsSkippedStagesAsPassed()
    {
        var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate(FourLeads());
        var conversion = report.Overall.Conversion;

        Assert.Equal(4, conversion.Leads);
        Assert.Equal((1, 4), (conversion.LeadToCustomer.Numerator, conversion.LeadToCustomer.Denominator));
        // reached: lead 4, mql 3 (L3 skipped it), sql 2, opportunity 2, customer 1.
        Assert.Equal(
            [(3L, 4L), (2L, 3L), (2L, 2L), (1L, 2L)],
            conversion.Waterfall.Select(s => (s.Rate.Numerator, s.Rate.Denominator)));
        Assert.Equal(Path[..^1], conversion.Waterfall.Select(s => s.From));
        Assert.Equal(0.25m, conversion.PeriodForm.Value);
    }

    [Fact]
    public void Conversion_SevenDayHorizon_LateCustomerDoesNotCount()
    {
        var options = new FunnelReportOptions { ConversionHorizon = TimeSpan.FromDays(7) };
        var report = new FunnelReportCalculator(options).Calculate(FourLeads());
        var conversion = report.Overall.Conversion;

        Assert.Equal((0, 4), (conversion.LeadToCustomer.Numerator, conversion.LeadToCustomer.Denominator));
        Assert.Equal((0L, 2L), (conversion.Waterfall[^1].Rate.Numerator, conversion.Waterfall[^1].Rate.Denominator));
        // The period form has no horizon: the conversion on day 10 still happened in January.
        Assert.Equal(0.25m, report.ByPeriod.Single().Conversion.PeriodForm.Value);
    }

    [Fact]
    public void Conversion_BySourceAndOwner_SplitsCohorts()
    {
        var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate(FourLeads());

        Assert.Equal(["referral", "webinar"], report.BySource.Select(s => s.Key.Label));
        Assert.Equal((1L, 2L), (report.BySource[0].Conversion.LeadToCustomer.Numerator, report.BySource[0].Conversion.LeadToCustomer.Denominator));
        Assert.Equal((0L, 2L), (report.BySource[1].Conversion.LeadToCustomer.Numerator, report.BySource[1].Conversion.LeadToCustomer.Denominator));
        Assert.Equal(["rep-a", "rep-b", "(unassigned)"], report.ByOwner.Select(s => s.Key.Label));
        Assert.Equal([2L, 1L, 1L], report.ByOwner.Select(s => s.Conversion.Leads));
    }

    [Fact]
    public void Conversion_PeriodForm_CountsConversionsInTheMonthTheyHappen()
    {
        // Created 2026-01-05 and 2026-02-10; the first converts on 2026-02-14, the second never.
        LeadJourney[] leads =
        [
            Lead("jan", LeadSource.Referral, 0, null, (FunnelStage.Customer, 40)),
            Lead("feb", LeadSource.Referral, 36, null),
        ];

        var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate(leads);

        Assert.Equal(["2026-01", "2026-02"], report.ByPeriod.Select(p => p.Key.Label));
        Assert.Equal(0m, report.ByPeriod[0].Conversion.PeriodForm.Value);
        Assert.Equal(1m, report.ByPeriod[1].Conversion.PeriodForm.Value);
        Assert.Equal(1L, report.ByPeriod[0].Conversion.LeadToCustomer.Numerator);
    }

    [Fact]
    public void SalesCycle_FourLeads_LengthAndTimeInEachStage()
    {
        var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate(FourLeads());
        var cycle = report.Overall.SalesCycle;

        Assert.Equal(1, cycle.Length.Count);
        Assert.Equal(TimeSpan.FromDays(10), cycle.Length.Median);
        var stages = cycle.TimeInStage.ToDictionary(t => t.Stage.Value!);
        Assert.Equal(["lead", "mql", "opportunity", "sql"], stages.Keys);
        Assert.Equal((3L, TimeSpan.FromDays(4)), (stages["lead"].Stays, stages["lead"].Total));
        Assert.Equal((2L, TimeSpan.FromDays(4)), (stages["mql"].Stays, stages["mql"].Total));
        Assert.Equal((2L, TimeSpan.FromDays(3)), (stages["sql"].Stays, stages["sql"].Total));
        Assert.Equal(TimeSpan.FromDays(11.5), stages["opportunity"].Mean);
    }

    [Fact]
    public void SalesCycle_StartStageMql_MeasuresFromMqlToCustomer()
    {
        var options = new FunnelReportOptions { CycleStartStage = FunnelStage.Mql };
        var report = new FunnelReportCalculator(options).Calculate(FourLeads());

        Assert.Equal(TimeSpan.FromDays(9), report.Overall.SalesCycle.Length.Mean);
    }

    [Fact]
    public void SalesCycle_FiveWonLeads_MeanMedianAndPercentiles()
    {
        var leads = new[] { 2d, 4, 6, 8, 30 }.Select((d, i) => Lead($"w{i}", LeadSource.Referral, 0, null, (FunnelStage.Customer, d)));

        var length = new FunnelReportCalculator(new FunnelReportOptions()).Calculate(leads).Overall.SalesCycle.Length;

        Assert.Equal(TimeSpan.FromDays(10), length.Mean);
        Assert.Equal(TimeSpan.FromDays(6), length.Median);
        Assert.Equal(TimeSpan.FromDays(8), length.P75);
        // p90: h = 4 × 0.9 = 3.6 -> 8 + 0.6 × (30 − 8) = 21.2 days.
        Assert.Equal(TimeSpan.FromDays(21.2), length.P90);
        Assert.Equal(TimeSpan.FromDays(2), length.Min);
        Assert.Equal(TimeSpan.FromDays(30), length.Max);
    }

    [Fact]
    public void ResponseTime_ThreeTouchedOneUntouched_MedianP90AndShareWithinSla()
    {
        LeadJourney[] leads =
        [
            Lead("r1", LeadSource.LiveChat, T0, null, T0.AddMinutes(10)),
            Lead("r2", LeadSource.LiveChat, T0, null, T0.AddMinutes(30)),
            Lead("r3", LeadSource.LiveChat, T0, null, T0.AddMinutes(120)),
            Lead("r4", LeadSource.LiveChat, T0, null, null),
        ];

        var response = new FunnelReportCalculator(new FunnelReportOptions { ResponseSla = TimeSpan.FromHours(1) }).Calculate(leads).Overall.Response;

        Assert.Equal(TimeSpan.FromMinutes(30), response.Time.Median);
        // p90: h = 2 × 0.9 = 1.8 -> 30 + 0.8 × 90 = 102 minutes.
        Assert.Equal(TimeSpan.FromMinutes(102), response.Time.P90);
        Assert.Equal((2L, 3L), (response.WithinSla.Numerator, response.WithinSla.Denominator));
        Assert.Equal(1, response.Untouched);
    }

    [Fact]
    public void ResponseTime_FromAssignment_LeadsWithoutAssignmentAreNotMeasured()
    {
        LeadJourney[] leads =
        [
            new(new LeadId("a1"), LeadSource.Chatbot, T0, assignedAt: T0.AddMinutes(50), firstTouchAt: T0.AddMinutes(65)),
            new(new LeadId("a2"), LeadSource.Chatbot, T0, firstTouchAt: T0.AddMinutes(5)),
        ];
        var options = new FunnelReportOptions { ResponseStart = ResponseStart.Assigned };

        var response = new FunnelReportCalculator(options).Calculate(leads).Overall.Response;

        Assert.Equal(1, response.Time.Count);
        Assert.Equal(TimeSpan.FromMinutes(15), response.Time.Median);
    }

    /// <summary>
    /// EUR: won 100, 200, 300, 400 (opened day 0, closed day 10), lost 1000, open 500 and 700. USD: won 50, lost 50 and 50.
    /// </summary>
    private static Abstractions.Sales.Deal[] Deals() =>
    [
        Won("e1", 100m, "EUR", 0, 10, "rep-a"),
        Won("e2", 300m, "EUR", 0, 10, "rep-a"),
        Won("e3", 200m, "EUR", 30, 40, "rep-b"),
        Won("e4", 400m, "EUR", 30, 40, "rep-b"),
        Lost("e5", 1000m, "EUR", 0, 5, "rep-a"),
        Open("e6", 500m, "EUR", 3, "rep-a"),
        Open("e7", 700m, "EUR", 3, "rep-b"),
        Won("u1", 50m, "USD", 0, 2),
        Lost("u2", 50m, "USD", 0, 2),
        Lost("u3", 50m, "USD", 0, 2),
    ];

    [Fact]
    public void WinRate_ByCountAndByValue_OpenDealsExcludedAndCurrenciesSeparate()
    {
        var deals = new FunnelReportCalculator(new FunnelReportOptions()).Calculate([], Deals()).Overall.Deals;

        Assert.Equal((5L, 8L), (deals.WinRateByCount.Numerator, deals.WinRateByCount.Denominator));
        Assert.Equal(["EUR", "USD"], deals.ByCurrency.Select(c => c.Currency.Value));
        var eur = deals.ByCurrency[0];
        Assert.Equal((4L, 5L), (eur.WinRate.ByCount.Numerator, eur.WinRate.ByCount.Denominator));
        Assert.Equal(0.5m, eur.WinRate.ByValue.Value);
        var usd = deals.ByCurrency[1];
        Assert.Equal(50m / 150m, usd.WinRate.ByValue.Value);
    }

    [Fact]
    public void AverageTicket_WonEuroDeals_MeanMedianAndPercentiles()
    {
        var ticket = new FunnelReportCalculator(new FunnelReportOptions()).Calculate([], Deals()).Overall.Deals.ByCurrency[0].AverageTicket;

        Assert.Equal(4, ticket.Count);
        Assert.Equal(250m, ticket.Mean);
        Assert.Equal(250m, ticket.Median);
        Assert.Equal(175m, ticket.P25);
        Assert.Equal(325m, ticket.P75);
        Assert.Equal(370m, ticket.P90);
        Assert.Equal((100m, 400m), (ticket.Min, ticket.Max));
    }

    [Fact]
    public void SalesVolume_ByClosePeriod_CountsAndValuesWonDeals()
    {
        var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate([], Deals());

        // e1, e2, e5, u1-u3 close in January; e3, e4 on 2026-02-14.
        Assert.Equal(["2026-01", "2026-02"], report.ByPeriod.Select(p => p.Key.Label));
        var january = report.ByPeriod[0].Deals.ByCurrency.Single(c => c.Currency == CurrencyCode.Eur).Volume;
        var february = report.ByPeriod[1].Deals.ByCurrency.Single(c => c.Currency == CurrencyCode.Eur).Volume;
        Assert.Equal((2L, 400m), (january.WonDeals, january.WonValue));
        Assert.Equal((2L, 600m), (february.WonDeals, february.WonValue));
        Assert.Equal(0, report.ByPeriod[0].Deals.Open);
    }

    [Fact]
    public void Pipeline_EuroQuota_WeightedValueAndCoverage()
    {
        var options = new FunnelReportOptions();
        options.Quotas[CurrencyCode.Eur] = 400m;
        options.OwnerQuotas[new SalesRepId("rep-b")] = new Money(1400m, CurrencyCode.Eur);

        var report = new FunnelReportCalculator(options).Calculate([], Deals());
        var pipeline = report.Overall.Deals.ByCurrency[0].Pipeline;

        Assert.Equal((2L, 1200m), (pipeline.OpenDeals, pipeline.OpenValue));
        Assert.Equal(960m, pipeline.Weighted); // 1200 × 4/5
        Assert.Equal(3m, pipeline.Coverage.Value); // 1200 / 400
        var repB = report.ByOwner.Single(o => o.Key.Label == "rep-b").Deals.ByCurrency[0].Pipeline;
        Assert.Equal(0.5m, repB.Coverage.Value); // 700 / 1400
        Assert.False(report.Overall.Deals.ByCurrency[1].Pipeline.Coverage.HasData);
    }

    [Fact]
    public void SalesVelocity_Euro_OpenTimesAverageTimesWinRateOverCycle()
    {
        var byCurrency = new FunnelReportCalculator(new FunnelReportOptions()).Calculate([], Deals()).Overall.Deals.ByCurrency;
        var velocity = byCurrency[0].Velocity;

        Assert.Equal(2, velocity.OpenOpportunities);
        Assert.Equal(250m, velocity.AverageDealValue);
        Assert.Equal(10m, velocity.MeanCycleDays);
        // 2 × 250 × 0.8 / 10 days = 40 EUR per day.
        Assert.Equal(40m, velocity.ValuePerDay);
        // USD has no open deals: velocity 0 per day, which is data, not "no data".
        Assert.Equal(0m, byCurrency[1].Velocity.ValuePerDay);
    }

    [Fact]
    public void Deals_BySourceOfTheirLead_UnknownLeadsAreUnattributed()
    {
        LeadJourney[] leads = [Lead("L1", LeadSource.Referral, 0, null)];
        Abstractions.Sales.Deal[] deals = [Won("d1", 10m, "EUR", 1, 2, lead: "L1"), Won("d2", 20m, "EUR", 1, 2, lead: "nobody"), Won("d3", 30m, "EUR", 1, 2)];

        var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate(leads, deals);

        Assert.Equal(["referral", "(unattributed)"], report.BySource.Select(s => s.Key.Label));
        Assert.Equal(10m, report.BySource[0].Deals.ByCurrency[0].Volume.WonValue);
        Assert.Equal(50m, report.BySource[1].Deals.ByCurrency[0].Volume.WonValue);
    }

    [Fact]
    public void Report_NoInput_EveryRateIsNoDataNotNaN()
    {
        var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate([]);

        Assert.False(report.Overall.Conversion.LeadToCustomer.HasData);
        Assert.All(report.Overall.Conversion.Waterfall, s => Assert.False(s.Rate.HasData));
        Assert.False(report.Overall.Conversion.PeriodForm.HasData);
        Assert.False(report.Overall.SalesCycle.Length.HasData);
        Assert.False(report.Overall.Response.WithinSla.HasData);
        Assert.False(report.Overall.Deals.WinRateByCount.HasData);
        Assert.Empty(report.BySource);
        Assert.Empty(report.Retention.Periods);
    }

    [Fact]
    public void Report_WeeksInBerlin_LeadCreatedSundayNightUtcBelongsToMonday()
    {
        // 2026-01-11T23:30Z is Monday 00:30 in Berlin (UTC+1): ISO week 3, not week 2.
        var options = new FunnelReportOptions { PeriodUnit = PeriodUnit.IsoWeek, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };
        LeadJourney[] leads = [Lead("late", LeadSource.Referral, new DateTimeOffset(2026, 1, 11, 23, 30, 0, TimeSpan.Zero), null, null)];

        var report = new FunnelReportCalculator(options).Calculate(leads);

        Assert.Equal("2026-W03", report.ByPeriod.Single().Key.Label);
    }

    [Fact]
    public void Options_Invalid_ConstructorListsEveryProblem()
    {
        var options = new FunnelReportOptions
        {
            Stages = [FunnelStage.Lead],
            ConversionHorizon = TimeSpan.FromDays(-1),
            ResponseSla = TimeSpan.FromMinutes(-5),
        };
        options.Quotas[CurrencyCode.Eur] = 0m;

        options.OwnerQuotas[new SalesRepId("ana@example.com")] = new Money(0m, CurrencyCode.Eur);

        var error = Assert.Throws<ConfigurationException>(() => new FunnelReportCalculator(options));

        Assert.Equal(
            [
                ("FunnelReportOptions.Stages", ConfigurationProblemCodes.OutOfRange),
                ("FunnelReportOptions.ConversionHorizon", ConfigurationProblemCodes.OutOfRange),
                ("FunnelReportOptions.ResponseSla", ConfigurationProblemCodes.OutOfRange),
                ("FunnelReportOptions.Quotas[EUR]", ConfigurationProblemCodes.OutOfRange),
                ("FunnelReportOptions.OwnerQuotas[0]", ConfigurationProblemCodes.OutOfRange),
            ],
            error.Problems.Select(p => (p.Path, p.Code)));

        // The owner is named by position: a rep id can be an e-mail address.
        Assert.DoesNotContain("ana@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculator_ConcurrentCalls_SameReportAsSequential()
    {
        var calculator = new FunnelReportCalculator(new FunnelReportOptions());
        var scenarios = Enumerable.Range(0, 8).Select(i => new Support.Scenario(i, 200)).ToArray();
        var sequential = scenarios.Select(s => Support.ReportText.Describe(calculator.Calculate(s.Journeys, s.Deals, s.Customers))).ToArray();

        var parallel = new string[scenarios.Length];
        Parallel.For(0, scenarios.Length, i => parallel[i] = Support.ReportText.Describe(calculator.Calculate(scenarios[i].Journeys, scenarios[i].Deals, scenarios[i].Customers)));

        Assert.Equal(sequential, parallel);
    }
}
