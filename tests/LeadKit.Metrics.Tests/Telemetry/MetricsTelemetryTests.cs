using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;
using Microsoft.Extensions.DependencyInjection;
using static LeadKit.Metrics.Tests.Support.Funnel;
using LeadKit.Testing.Telemetry;

namespace LeadKit.Metrics.Tests.Telemetry;

public sealed class MetricsTelemetryTests
{
    private static readonly LeadJourney[] Journeys =
    [
        Lead("ana@example.com", LeadSource.Referral, 0, "rep@example.com", (Abstractions.Funnel.FunnelStage.Customer, 3)),
        new(new LeadId("bad@example.com"), LeadSource.Webinar, Day(5), [new() { From = Abstractions.Funnel.FunnelStage.Lead, To = Abstractions.Funnel.FunnelStage.Customer, Trigger = Move, OccurredAt = Day(1) }]),
    ];

    [Fact]
    public void Calculate_WithMeterFactory_RecordsDurationRecordsAndIssueKindsWithoutIds()
    {
        using var services = new ServiceCollection().AddMetrics().AddLeadKitMetrics(o => o.DataQuality = DataQualityMode.Exclude).BuildServiceProvider();
        using var recorder = new MeterRecorder(services.GetRequiredService<IMeterFactory>(), "LeadKit.Metrics");

        services.GetRequiredService<FunnelReportCalculator>().Calculate(Journeys, [Won("D1", 10m, "EUR", 1, 2, lead: "ana@example.com")]);

        var duration = Assert.Single(recorder.Measurements, m => m.Instrument == "leadkit.metrics.report.duration");
        Assert.True(duration.Value >= 0d);
        Assert.Equal("completed", duration.Tags["leadkit.metrics.outcome"]);
        Assert.Equal(2d, recorder.Measurements.Single(m => m.Instrument == "leadkit.metrics.report.records" && Equals(m.Tags["leadkit.metrics.record_kind"], "LeadJourney")).Value);
        Assert.Equal(1d, recorder.Measurements.Single(m => m.Instrument == "leadkit.metrics.report.records" && Equals(m.Tags["leadkit.metrics.record_kind"], "Deal")).Value);
        var issue = Assert.Single(recorder.Measurements, m => m.Instrument == "leadkit.metrics.report.data_quality_issues");
        Assert.Equal(nameof(DataQualityIssueKind.WonBeforeCreation), issue.Tags["leadkit.metrics.issue_kind"]);
        Assert.DoesNotContain(recorder.Measurements.SelectMany(m => m.Tags.Values), v => v is string s && s.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_Rejected_RecordsTheOutcomeOnTheMeterAndTheActivity()
    {
        using var services = new ServiceCollection().AddMetrics().AddLeadKitMetrics().BuildServiceProvider();
        using var recorder = new MeterRecorder(services.GetRequiredService<IMeterFactory>(), "LeadKit.Metrics");
        using var activities = new ActivityRecorder("LeadKit.Metrics");

        Assert.Throws<MetricsDataException>(() => services.GetRequiredService<FunnelReportCalculator>().Calculate(Journeys));

        Assert.Equal("rejected", Assert.Single(recorder.Measurements, m => m.Instrument == "leadkit.metrics.report.duration").Tags["leadkit.metrics.outcome"]);
        var activity = Assert.Single(activities.Stopped("LeadKit.Metrics.Calculate"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(2L, activity.GetTagItem("leadkit.metrics.journeys"));
        Assert.DoesNotContain(activity.TagObjects, t => t.Value is string s && s.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_WithoutMeterFactory_StillCalculates()
    {
        var report = new FunnelReportCalculator(new FunnelReportOptions { DataQuality = DataQualityMode.Exclude }).Calculate(Journeys);

        Assert.Equal(1, report.DataQuality.ExcludedJourneys);
    }
}
