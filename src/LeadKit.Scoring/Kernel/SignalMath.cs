using System.Buffers;
using LeadKit.Abstractions.Engagement;

namespace LeadKit.Scoring.Kernel;

/// <summary>The exact computation of a signal rule, shared by the rule on its own and the model's slow path.</summary>
internal static class SignalMath
{
    private const int StackLimit = 128;

    /// <summary>Occurrences in the window, occurrences counted, and points after decay.</summary>
    public readonly record struct Result(int Occurrences, int Counted, double Points);

    /// <summary>Counts and sums one plan over all signals, keeping only the <c>MaxOccurrences</c> most recent.</summary>
    public static Result Evaluate(ReadOnlySpan<EngagementSignal> signals, SignalPlan plan, long asOfTicks)
    {
        var occurrences = 0;
        var sum = 0.0;
        foreach (var signal in signals)
        {
            var age = asOfTicks - signal.OccurredAtUtcTicks;
            if (age >= 0 && age <= plan.WindowTicks && plan.Matches(signal.Kind))
            {
                occurrences++;
                sum += plan.Decay.Factor(age);
            }
        }

        if (occurrences < plan.MinOccurrences)
        {
            return new(occurrences, 0, 0);
        }

        if (occurrences <= plan.MaxOccurrences)
        {
            return new(occurrences, occurrences, plan.PointsPerOccurrence * sum);
        }

        return new(occurrences, plan.MaxOccurrences, plan.PointsPerOccurrence * SumMostRecent(signals, plan, asOfTicks, occurrences));
    }

    /// <summary>Sums the decay factors of the <c>MaxOccurrences</c> most recent matching signals (smallest ages).</summary>
    public static double SumMostRecent(ReadOnlySpan<EngagementSignal> signals, SignalPlan plan, long asOfTicks, int occurrences)
    {
        long[]? rented = null;
        var ages = occurrences <= StackLimit ? stackalloc long[occurrences] : (rented = ArrayPool<long>.Shared.Rent(occurrences)).AsSpan(0, occurrences);
        try
        {
            var n = 0;
            foreach (var signal in signals)
            {
                var age = asOfTicks - signal.OccurredAtUtcTicks;
                if (age >= 0 && age <= plan.WindowTicks && plan.Matches(signal.Kind))
                {
                    ages[n++] = age;
                }
            }

            ages.Sort();
            var sum = 0.0;
            for (var i = 0; i < plan.MaxOccurrences; i++)
            {
                sum += plan.Decay.Factor(ages[i]);
            }

            return sum;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }
}
