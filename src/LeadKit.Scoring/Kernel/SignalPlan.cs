using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Engagement;
using LeadKit.Scoring.Decay;

namespace LeadKit.Scoring.Kernel;

/// <summary>A signal rule reduced to numbers for the hot path.</summary>
internal sealed class SignalPlan(int slot, EngagementSignalKind[] kinds, int[] kindSlots, double pointsPerOccurrence, int maxOccurrences, int minOccurrences, long windowTicks, CompiledDecay decay)
{
    public int Slot { get; } = slot;

    /// <summary>Gets the kinds the rule counts.</summary>
    public EngagementSignalKind[] Kinds { get; } = kinds;

    /// <summary>
    /// Gets the entries of the model's kind-to-code map that stand for <see cref="Kinds"/>: their process-wide ordinals, or
    /// their local indexes + 1 in a model whose kinds the full registry could not all register.
    /// </summary>
    public int[] KindSlots { get; } = kindSlots;

    public double PointsPerOccurrence { get; } = pointsPerOccurrence;

    public int MaxOccurrences { get; } = maxOccurrences;

    /// <summary>The occurrences in the window needed before the rule gives points (1 when no threshold is set).</summary>
    public int MinOccurrences { get; } = minOccurrences;

    /// <summary>How many occurrences count, given how many are in the window: 0 below the threshold.</summary>
    public int Counted(int occurrences) => Counted(occurrences, MinOccurrences, MaxOccurrences);

    /// <summary>How many of <paramref name="occurrences"/> count, given the threshold and the most counted: 0 below the threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Counted(int occurrences, int minOccurrences, int maxOccurrences)
        => occurrences < minOccurrences ? 0 : Math.Min(occurrences, maxOccurrences);

    public long WindowTicks { get; } = windowTicks;

    public CompiledDecay Decay { get; } = decay;

    /// <summary>Gets a value indicating whether the rule counts signals of <paramref name="kind"/> (by name, registered or not).</summary>
    public bool Matches(EngagementSignalKind kind)
    {
        foreach (var k in Kinds)
        {
            if (k == kind)
            {
                return true;
            }
        }

        return false;
    }
}
