using System.Runtime.CompilerServices;

namespace LeadKit.Scoring.Kernel;

/// <summary>A decay function reduced to numbers for the hot path.</summary>
/// <param name="kind">The curve, from the decay kind's descriptor.</param>
/// <param name="rate">Per tick: 1 / lifetime (linear) or 1 / half-life (exponential); 0 otherwise.</param>
/// <param name="windowTicks">The window of a sliding window.</param>
/// <param name="stepTicks">The ages of the steps of a step decay.</param>
/// <param name="stepFactors">The factors of the steps.</param>
internal sealed class CompiledDecay(DecayCurve kind, double rate, long windowTicks, long[] stepTicks, double[] stepFactors)
{
    public DecayCurve Kind { get; } = kind;

    public double Rate { get; } = rate;

    public long WindowTicks { get; } = windowTicks;

    /// <summary>The factor of linear decay, <c>max(0, 1 - age · rate)</c>: one definition for the rule and the model's pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LinearFactor(long ageTicks, double rate) => double.MaxNative(0, 1 - (ageTicks * rate));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Factor(long ageTicks)
    {
        switch (Kind)
        {
            case DecayCurve.None:
                return 1;
            case DecayCurve.Linear:
                return LinearFactor(ageTicks, Rate);
            case DecayCurve.Exponential:
                return HalfLifeFactor.Of(ageTicks * Rate);
            case DecayCurve.SlidingWindow:
                return ageTicks <= WindowTicks ? 1 : 0;
            default:
                var factor = 1.0;
                for (var i = 0; i < stepTicks.Length && ageTicks >= stepTicks[i]; i++)
                {
                    factor = stepFactors[i];
                }

                return factor;
        }
    }
}
