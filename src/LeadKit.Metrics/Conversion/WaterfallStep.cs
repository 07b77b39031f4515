using LeadKit.Abstractions.Funnel;
using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Conversion;

/// <summary>One step of the conversion waterfall: of the leads that reached <see cref="From"/>, the share that reached <see cref="To"/>.</summary>
/// <remarks>
/// A lead "reached" a waterfall stage when it entered that stage or any later stage of the waterfall (skipped stages
/// count as passed) within the horizon, so <c>Rate = reached(To) / reached(From)</c> is always a proportion.
/// </remarks>
public sealed class WaterfallStep
{
    /// <summary>The earlier stage.</summary>
    public required FunnelStage From { get; init; }

    /// <summary>The next stage of the waterfall.</summary>
    public required FunnelStage To { get; init; }

    /// <summary>reached(To) / reached(From), with the Wilson 95% interval.</summary>
    public required Rate Rate { get; init; }
}
