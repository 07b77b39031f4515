using LeadKit.Metrics.Rates;
using LeadKit.Metrics.Statistics;

namespace LeadKit.Metrics.Response;

/// <summary>Lead response time of one segment: time from creation (or assignment) to the first sales touch.</summary>
/// <remarks>
/// <c>Time</c> summarises first touch − start over touched leads; <c>WithinSla = touched leads with time &lt;= Sla /
/// touched leads</c>. Leads with a start but no touch yet are counted in <see cref="Untouched"/>, not in the rate,
/// because whether they breach the SLA depends on when the report is read. An immutable value; thread-safe.
/// </remarks>
/// <param name="Time">Median, p90 (and the other statistics) of the response times.</param>
/// <param name="WithinSla">Share of touched leads answered within the SLA.</param>
/// <param name="Sla">The service-level target.</param>
/// <param name="Untouched">Leads with a start but no first touch.</param>
public sealed record ResponseTimeMetrics(DurationStatistics Time, Rate WithinSla, TimeSpan Sla, long Untouched);
