using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LeadKit.EntityFrameworkCore.Outbox;

/// <summary>
/// The outbox dispatcher's meter (<c>LeadKit.EntityFrameworkCore.Outbox</c>, through <see cref="IMeterFactory"/>) and
/// activity source. Tags carry the event kind, the event id (a random key) and exception type names only: never a lead
/// id or anything from the payload.
/// </summary>
internal sealed class OutboxTelemetry
{
    public const string Name = "LeadKit.EntityFrameworkCore.Outbox";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long>? _delivered;
    private readonly Counter<long>? _failures;

    public OutboxTelemetry(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            return;
        }

        var meter = meterFactory.Create(Name);
        _delivered = meter.CreateCounter<long>("leadkit.outbox.delivered", "{event}", "Outbox events every handler accepted, by kind.");
        _failures = meter.CreateCounter<long>("leadkit.outbox.failures", "{failure}", "Outbox deliveries that failed and will be retried with backoff, by kind and exception type.");
    }

    public static Activity? StartDelivery(Guid eventId, string kind, int attempt)
    {
        var activity = ActivitySource.StartActivity("leadkit.outbox.deliver");
        activity?.SetTag("leadkit.event_id", eventId.ToString());
        activity?.SetTag("leadkit.kind", kind);
        activity?.SetTag("leadkit.attempt", attempt);
        return activity;
    }

    public void Delivered(Activity? activity, string kind)
    {
        activity?.SetTag("leadkit.outcome", "delivered");
        _delivered?.Add(1, new KeyValuePair<string, object?>("leadkit.kind", kind));
    }

    public void Failed(Activity? activity, string kind, Exception exception)
    {
        var type = exception.GetType().FullName;
        activity?.SetTag("leadkit.outcome", "failed");
        activity?.SetTag("exception.type", type);
        activity?.SetStatus(ActivityStatusCode.Error);
        _failures?.Add(1, new("leadkit.kind", kind), new("exception.type", type));
    }
}
