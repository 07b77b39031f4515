using LeadKit.Abstractions.Funnel;
using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Conversion;

/// <summary>One step of the conversion waterfall: of the leads that reached <see cref="From"/>, the share that reached <see cref="To"/>.</summary>
/// <remarks>
/// A lead "reached" a waterfall stage when it entered that stage or any later stage of the waterfall (skipped stages
/// count as passed) within the horizon, so <c>Rate = reached(To) / reached(From)</c> is always a proportion.
/// </remarks>
/// <param name="From">The earlier stage.</param>
/// <param name="To">The next stage of the waterfall.</param>
/// <param name="Rate">reached(To) / reached(From), with the Wilson 95% interval.</param>
public sealed record WaterfallStep(FunnelStage From, FunnelStage To, Rate Rate);
