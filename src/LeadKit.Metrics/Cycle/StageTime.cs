using LeadKit.Abstractions.Funnel;

namespace LeadKit.Metrics.Cycle;

/// <summary>Time leads spent in one stage: completed stays only (from entering the stage to the next change).</summary>
/// <remarks><c>Mean = Total / Stays</c>, rounded to the nearest tick; <see langword="null"/> without stays.</remarks>
public sealed class StageTime
{
    /// <summary>The stage.</summary>
    public required FunnelStage Stage { get; init; }

    /// <summary>The number of completed stays.</summary>
    public required long Stays { get; init; }

    /// <summary>The sum of the stays.</summary>
    public required TimeSpan Total { get; init; }

    /// <summary>The mean stay, or <see langword="null"/> without stays.</summary>
    public required TimeSpan? Mean { get; init; }
}
