using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Retention;

/// <summary>Customer retention in one period: CRR = (E − N) / S and churn = 1 − CRR with the same S, E, N.</summary>
/// <remarks>
/// <para>
/// A customer is active at instant t when acquired &lt; t and not churned at or before t. For the period [start, end):
/// S = customers active at the start; E = customers active at the end; N = customers acquired during the period and
/// still active at its end. Then E − N is exactly the customers of S still active at the end, so
/// <c>Crr = (E − N) / S</c> and <c>Churn = (S − (E − N)) / S</c> are proportions with Wilson intervals that add up to 1.
/// (Counting in N also the customers acquired and lost within the period would let CRR go negative.)
/// </para>
/// <para>An immutable value; thread-safe.</para>
/// </remarks>
/// <param name="Period">The period.</param>
/// <param name="StartCustomers">S: active at the start.</param>
/// <param name="EndCustomers">E: active at the end.</param>
/// <param name="NewCustomers">N: acquired during the period and active at its end.</param>
/// <param name="Acquired">All customers acquired during the period.</param>
/// <param name="Churned">All customers that churned during the period.</param>
/// <param name="Crr">(E − N) / S.</param>
/// <param name="Churn">(S − (E − N)) / S.</param>
public sealed record RetentionPeriod(Period Period, long StartCustomers, long EndCustomers, long NewCustomers, long Acquired, long Churned, Rate Crr, Rate Churn);
