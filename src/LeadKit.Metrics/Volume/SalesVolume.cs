using LeadKit.Metrics.Reports;

namespace LeadKit.Metrics.Volume;

/// <summary>Sales volume in one currency: the number and total value of won deals.</summary>
/// <remarks>In a period segment the deals won (closed as won) in that period. An immutable value; thread-safe.</remarks>
public sealed class SalesVolume
{
    /// <summary>The number of won deals.</summary>
    public required long WonDeals { get; init; }

    /// <summary>Σ value of the won deals (decimal; overflow throws, never wraps).</summary>
    public required decimal WonValue { get; init; }

    /// <summary>Computes the volume of one segment's won deals in one currency.</summary>
    internal static SalesVolume From(DealTotals t) => new() { WonDeals = t.Won, WonValue = t.WonValue };
}
