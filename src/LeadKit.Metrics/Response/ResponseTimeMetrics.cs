using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Statistics;

namespace LeadKit.Metrics.Response;

/// <summary>Lead response time of one segment: time from creation (or assignment) to the first sales touch.</summary>
/// <remarks>
/// <c>Time</c> summarises first touch − start over touched leads; <c>WithinSla = touched leads with time &lt;= Sla /
/// touched leads</c>. Leads with a start but no touch yet are counted in <see cref="Untouched"/>, not in the rate,
/// because whether they breach the SLA depends on when the report is read. An immutable value; thread-safe.
/// </remarks>
public sealed class ResponseTimeMetrics
{
    /// <summary>Median, p90 (and the other statistics) of the response times.</summary>
    public required DurationStatistics Time { get; init; }

    /// <summary>Share of touched leads answered within the SLA.</summary>
    public required Rate WithinSla { get; init; }

    /// <summary>The service-level target.</summary>
    public required TimeSpan Sla { get; init; }

    /// <summary>Leads with a start but no first touch.</summary>
    public required long Untouched { get; init; }
}
