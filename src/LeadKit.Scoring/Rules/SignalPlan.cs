using System.Runtime.CompilerServices;
using LeadKit.Scoring.Decay;

namespace LeadKit.Scoring.Rules;

/// <summary>A signal rule reduced to numbers for the hot path.</summary>
internal sealed class SignalPlan(int slot, int[] kindOrdinals, double pointsPerOccurrence, int maxOccurrences, int minOccurrences, long windowTicks, CompiledDecay decay)
{
    public int Slot { get; } = slot;

    public int[] KindOrdinals { get; } = kindOrdinals;

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

    public bool Matches(int kindOrdinal)
    {
        foreach (var k in KindOrdinals)
        {
            if (k == kindOrdinal)
            {
                return true;
            }
        }

        return false;
    }
}
