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
public sealed class RetentionPeriod
{
    /// <summary>The period.</summary>
    public required Period Period { get; init; }

    /// <summary>S: active at the start.</summary>
    public required long StartCustomers { get; init; }

    /// <summary>E: active at the end.</summary>
    public required long EndCustomers { get; init; }

    /// <summary>N: acquired during the period and active at its end.</summary>
    public required long NewCustomers { get; init; }

    /// <summary>All customers acquired during the period.</summary>
    public required long Acquired { get; init; }

    /// <summary>All customers that churned during the period.</summary>
    public required long Churned { get; init; }

    /// <summary>(E − N) / S.</summary>
    public required Rate Crr { get; init; }

    /// <summary>(S − (E − N)) / S.</summary>
    public required Rate Churn { get; init; }
}
