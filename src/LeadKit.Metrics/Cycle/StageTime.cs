using LeadKit.Abstractions.Funnel;

namespace LeadKit.Metrics.Cycle;

/// <summary>Time leads spent in one stage: completed stays only (from entering the stage to the next change).</summary>
/// <remarks><c>Mean = Total / Stays</c>, rounded to the nearest tick; <see langword="null"/> without stays.</remarks>
/// <param name="Stage">The stage.</param>
/// <param name="Stays">The number of completed stays.</param>
/// <param name="Total">The sum of the stays.</param>
/// <param name="Mean">The mean stay, or <see langword="null"/> without stays.</param>
public sealed record StageTime(FunnelStage Stage, long Stays, TimeSpan Total, TimeSpan? Mean);
