using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;
using LeadKit.Metrics.Response;
using static LeadKit.Metrics.Tests.Support.Funnel;

namespace LeadKit.Metrics.Tests.DataQuality;

public sealed class DataQualityReportTests
{
    private static FunnelReportCalculator Calculator(DataQualityMode mode, Action<FunnelReportOptions>? configure = null)
    {
        var options = new FunnelReportOptions { DataQuality = mode };
        configure?.Invoke(options);
        return new FunnelReportCalculator(options);
    }

    private static LeadJourney Good(string id) => Lead(id, LeadSource.Referral, 0, "rep", (FunnelStage.Mql, 1), (FunnelStage.Customer, 3));

    public static TheoryData<string, DataQualityIssueKind> BadJourneys() => new()
    {
        { "won-early", DataQualityIssueKind.WonBeforeCreation },
        { "mql-early", DataQualityIssueKind.EventBeforeCreation },
        { "shuffled", DataQualityIssueKind.EventsOutOfOrder },
        { "broken", DataQualityIssueKind.BrokenHistory },
        { "touch-early", DataQualityIssueKind.EventBeforeCreation },
    };

    private static LeadJourney Bad(string id) => id switch
    {
        "won-early" => Lead(id, LeadSource.Referral, 0, null, (FunnelStage.Customer, -1.18)),
        "mql-early" => Lead(id, LeadSource.Referral, 0, null, (FunnelStage.Mql, -2), (FunnelStage.Customer, 3)),
        "shuffled" => Lead(id, LeadSource.Referral, 0, null, (FunnelStage.Mql, 5), (FunnelStage.Customer, 3)),
        "broken" => new LeadJourney(new LeadId(id), LeadSource.Referral, T0, [new StageChange { From = FunnelStage.Sql, To = FunnelStage.Customer, Trigger = Move, OccurredAt = Day(1) }], initialStage: FunnelStage.Lead),
        _ => Lead(id, LeadSource.Referral, T0, null, T0.AddHours(-1)),
    };

    [Theory]
    [MemberData(nameof(BadJourneys))]
    public void Reject_BadJourney_ThrowsNamingTheRecordAndTheProblem(string id, DataQualityIssueKind kind)
    {
        var error = Assert.Throws<MetricsDataException>(() => Calculator(DataQualityMode.Reject).Calculate([Good("ok"), Bad(id)]));

        var issue = Assert.Single(error.Issues);
        Assert.Equal((RecordKind.LeadJourney, id, kind), (issue.Record, issue.RecordId, issue.Kind));
        Assert.Contains("LeadJourney #1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(id, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadJourneys))]
    public void Exclude_BadJourney_LeftOutOfEveryKpiAndListed(string id, DataQualityIssueKind kind)
    {
        var report = Calculator(DataQualityMode.Exclude).Calculate([Good("ok"), Bad(id)]);

        Assert.Equal(1, report.Overall.Conversion.Leads);
        Assert.Equal(1, report.DataQuality.ExcludedJourneys);
        Assert.Equal(kind, Assert.Single(report.DataQuality.Issues).Kind);
        Assert.True(report.Overall.SalesCycle.Length.Min >= TimeSpan.Zero);
    }

    [Fact]
    public void Exclude_DuplicateLeadIds_EveryCopyLeftOutWhateverTheOrder()
    {
        LeadJourney[] leads = [Good("dup"), Good("ok"), Lead("dup", LeadSource.Webinar, 0, null)];

        var report = Calculator(DataQualityMode.Exclude).Calculate(leads);

        Assert.Equal(1, report.Overall.Conversion.Leads);
        Assert.Equal(2, report.DataQuality.ExcludedJourneys);
        Assert.All(report.DataQuality.Issues, i => Assert.Equal((DataQualityIssueKind.DuplicateId, "dup"), (i.Kind, i.RecordId)));
    }

    [Fact]
    public void Exclude_BadDeals_DuplicateUnknownCurrencyAndWonBeforeLead()
    {
        LeadJourney[] leads = [Lead("late-lead", LeadSource.Referral, 10, null)];
        Abstractions.Sales.Deal[] deals =
        [
            Won("d1", 10m, "EUR", 0, 1),
            Won("d1", 10m, "EUR", 0, 1),
            Won("yen", 10m, "JPY", 0, 1),
            Won("early", 10m, "EUR", 0, 5, lead: "late-lead"),
            Won("fine", 10m, "EUR", 0, 1),
        ];

        var report = Calculator(DataQualityMode.Exclude, o => o.AcceptedCurrencies.Add(CurrencyCode.Eur)).Calculate(leads, deals);

        Assert.Equal(
            [("d1", DataQualityIssueKind.DuplicateId), ("d1", DataQualityIssueKind.DuplicateId), ("early", DataQualityIssueKind.DealWonBeforeLeadCreated), ("yen", DataQualityIssueKind.UnknownCurrency)],
            report.DataQuality.Issues.Select(i => (i.RecordId, i.Kind)));
        Assert.Equal(1, report.Overall.Deals.Won);
        Assert.Equal(4, report.DataQuality.ExcludedDeals);
    }

    [Fact]
    public void Exclude_LostDealClosedBeforeItsLeadWasCreated_IsListedLikeTheWonCase()
    {
        LeadJourney[] leads = [Lead("ana@example.com", LeadSource.Referral, 10, null)];
        Abstractions.Sales.Deal[] deals = [Lost("lost-early", 10m, "EUR", 0, 5, lead: "ana@example.com"), Lost("lost-later", 10m, "EUR", 0, 12, lead: "ana@example.com")];

        var report = Calculator(DataQualityMode.Exclude).Calculate(leads, deals);

        var issue = Assert.Single(report.DataQuality.Issues);
        Assert.Equal((RecordKind.Deal, 0, DataQualityIssueKind.DealLostBeforeLeadCreated), (issue.Record, issue.Index, issue.Kind));
        Assert.Contains("journeys[0]", issue.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.com", issue.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, report.Overall.Deals.Lost);
    }

    [Fact]
    public void OwnerSegment_ToString_DoesNotPrintTheOwnerId()
    {
        var report = Calculator(DataQualityMode.Reject).Calculate([Lead("l1", LeadSource.Referral, 0, "ana@example.com")]);

        var owner = Assert.Single(report.ByOwner);
        Assert.Equal("Owner:(rep)", owner.Key.ToString());
        Assert.Equal("ana@example.com", owner.Key.Label);
    }

    [Fact]
    public void Reject_ChurnBeforeAcquisition_ThrowsNamingTheCustomer()
    {
        CustomerRecord[] customers = [new(new AccountId("acme"), Day(10), Day(5))];

        var error = Assert.Throws<MetricsDataException>(() => Calculator(DataQualityMode.Reject).Calculate([], customers: customers));

        Assert.Equal((RecordKind.Customer, "acme", DataQualityIssueKind.ChurnBeforeAcquisition), (error.Issues[0].Record, error.Issues[0].RecordId, error.Issues[0].Kind));
    }

    [Fact]
    public void Reject_TouchBeforeAssignment_NegativeResponseTimeIsRejected()
    {
        LeadJourney[] leads = [new(new LeadId("neg"), LeadSource.Chatbot, T0, assignedAt: T0.AddHours(2), firstTouchAt: T0.AddHours(1))];

        var error = Assert.Throws<MetricsDataException>(() => Calculator(DataQualityMode.Reject, o => o.ResponseStart = ResponseStart.Assigned).Calculate(leads));

        Assert.Equal(DataQualityIssueKind.NegativeValue, Assert.Single(error.Issues).Kind);
    }

    [Fact]
    public void Calculate_NullRecord_ThrowsNamingItsPosition()
    {
        var error = Assert.Throws<ArgumentException>(() => Calculator(DataQualityMode.Exclude).Calculate([Good("a"), null!]));

        Assert.Contains("journeys[1]", error.Message, StringComparison.Ordinal);
    }
}
