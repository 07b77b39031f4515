using LeadKit.Scoring.Decay;

namespace LeadKit.Scoring.Rules;

/// <summary>A signal rule reduced to numbers for the hot path.</summary>
internal sealed class SignalPlan(int slot, int[] kindOrdinals, double pointsPerOccurrence, int maxOccurrences, long windowTicks, CompiledDecay decay)
{
    public int Slot { get; } = slot;

    public int[] KindOrdinals { get; } = kindOrdinals;

    public double PointsPerOccurrence { get; } = pointsPerOccurrence;

    public int MaxOccurrences { get; } = maxOccurrences;

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
