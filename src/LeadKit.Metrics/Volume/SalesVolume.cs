namespace LeadKit.Metrics.Volume;

/// <summary>Sales volume in one currency: the number and total value of won deals.</summary>
/// <remarks>In a period segment the deals won (closed as won) in that period. An immutable value; thread-safe.</remarks>
/// <param name="WonDeals">The number of won deals.</param>
/// <param name="WonValue">Σ value of the won deals (decimal; overflow throws, never wraps).</param>
public sealed record SalesVolume(long WonDeals, decimal WonValue);
