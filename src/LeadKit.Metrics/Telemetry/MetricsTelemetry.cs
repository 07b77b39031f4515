using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadKit.Metrics.DataQuality;

namespace LeadKit.Metrics.Telemetry;

/// <summary>
/// The metrics package's meter (<c>LeadKit.Metrics</c>, through <see cref="IMeterFactory"/>) and activity source.
/// Tags are outcomes, record kinds and data-quality problem kinds only: never an id, a source, an owner or an amount.
/// </summary>
internal sealed class MetricsTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "LeadKit.Metrics";

    private static readonly ActivitySource Source = new(Name);

    // Enum.ToString allocates per call; the kinds are few, fixed and numbered from 0 (GetNames is in value order).
    private static readonly string[] KindNames = Enum.GetNames<DataQualityIssueKind>();

    private readonly TimeProvider _time;
    private readonly Histogram<double>? _duration;
    private readonly Counter<long>? _records;
    private readonly Counter<long>? _issues;

    public MetricsTelemetry(IMeterFactory? meterFactory, TimeProvider time)
    {
        _time = time;
        if (meterFactory is null)
        {
            return;
        }

        var meter = meterFactory.Create(new MeterOptions(Name));
        _duration = meter.CreateHistogram<double>("leadkit.metrics.report.duration", "s", "Time to calculate a funnel report, by outcome (completed, rejected: data-quality problems in Reject mode, failed).");
        _records = meter.CreateCounter<long>("leadkit.metrics.report.records", "{record}", "Input records read by funnel reports, by record kind.");
        _issues = meter.CreateCounter<long>("leadkit.metrics.report.data_quality_issues", "{issue}", "Data-quality problems found by funnel reports, by problem kind.");
    }

    public long Start() => _time.GetTimestamp();

    public static Activity? StartActivity() => Source.StartActivity("LeadKit.Metrics.Calculate");

    /// <summary>Records one calculation: its duration and outcome, the records read and the problems found.</summary>
    public void Completed(Activity? activity, long started, string outcome, long journeys, long deals, long customers, IReadOnlyList<DataQualityIssue> issues)
    {
        var outcomeTag = new KeyValuePair<string, object?>("leadkit.metrics.outcome", outcome);
        _duration?.Record(_time.GetElapsedTime(started).TotalSeconds, outcomeTag);
        if (_records is not null)
        {
            _records.Add(journeys, new KeyValuePair<string, object?>("leadkit.metrics.record_kind", nameof(RecordKind.LeadJourney)));
            _records.Add(deals, new KeyValuePair<string, object?>("leadkit.metrics.record_kind", nameof(RecordKind.Deal)));
            _records.Add(customers, new KeyValuePair<string, object?>("leadkit.metrics.record_kind", nameof(RecordKind.Customer)));
        }

        if (_issues is not null)
        {
            foreach (var issue in issues)
            {
                _issues.Add(1, new KeyValuePair<string, object?>("leadkit.metrics.issue_kind", KindName(issue.Kind)));
            }
        }

        if (activity is not null)
        {
            activity.SetTag(outcomeTag.Key, outcome);
            activity.SetTag("leadkit.metrics.journeys", journeys);
            activity.SetTag("leadkit.metrics.deals", deals);
            activity.SetTag("leadkit.metrics.customers", customers);
            activity.SetTag("leadkit.metrics.data_quality_issues", issues.Count);
            if (outcome != Outcomes.Completed)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    private static string KindName(DataQualityIssueKind kind) => (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : "unknown";

    /// <summary>The values of the <c>leadkit.metrics.outcome</c> tag.</summary>
    public static class Outcomes
    {
        public const string Completed = "completed";
        public const string Rejected = "rejected";
        public const string Failed = "failed";
    }
}
