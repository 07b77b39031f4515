using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Model;

/// <summary>The signal pass: signal and inactivity rules, evaluated together over a lead's signals.</summary>
public sealed partial class ScoringModel
{
    private const int SignalStackLimit = 128;

    // Every layer of the kind-to-plan map covers at least this many ordinals (all built-in kinds).
    private const int MinimumKinds = 64;

    /// <summary>
    /// Reduces the plans to what the signal pass reads, plus the idle plan. Each decaying plan gets its own bucket of
    /// ages; the other plans and the idle plan share the last one.
    /// </summary>
    private static (PassPlan[] Pass, FinishPlan[] Finish, int Buckets) BuildPassPlans(SignalPlan[] plans)
    {
        var decaying = plans.Count(plan => plan.Decay.Kind != DecayKind.None);
        var pass = new PassPlan[plans.Length + 1];
        var finish = new FinishPlan[plans.Length];
        var next = 0;
        for (var p = 0; p < plans.Length; p++)
        {
            var plan = plans[p];
            var bucket = plan.Decay.Kind != DecayKind.None ? next++ : decaying;
            pass[p] = new PassPlan(plan.WindowTicks, bucket);
            finish[p] = new FinishPlan(plan.Slot, plan.MinOccurrences, plan.MaxOccurrences, bucket, plan.PointsPerOccurrence, plan.Decay.Kind, plan.Decay.Rate, plan.Decay);
        }

        pass[plans.Length] = new PassPlan(-1, decaying);
        return (pass, finish, decaying + 1);
    }

    /// <summary>
    /// Maps signal kinds to plans in layers, so that in each layer a kind has at most one plan and each plan is in one
    /// layer (a greedy colouring of plans that share a kind). There is always at least one layer: inactivity rules
    /// need the pass over the signals even in a model without signal rules. Every layer covers the built-in kinds and
    /// the kinds the model scores; its last entry, the idle plan, stands for every larger ordinal.
    /// </summary>
    private static int[][] BuildKindPlanLayers(SignalPlan[] plans, int maxOrdinal)
    {
        var length = Math.Max(maxOrdinal + 2, MinimumKinds);
        var layers = new List<int[]> { NewLayer() };
        for (var p = 0; p < plans.Length; p++)
        {
            var index = layers.FindIndex(l => Array.TrueForAll(plans[p].KindOrdinals, k => l[k] == plans.Length));
            if (index < 0)
            {
                index = layers.Count;
                layers.Add(NewLayer());
            }

            foreach (var ordinal in plans[p].KindOrdinals)
            {
                layers[index][ordinal] = p;
            }
        }

        return [.. layers];

        int[] NewLayer()
        {
            var layer = new int[length];
            Array.Fill(layer, plans.Length);
            return layer;
        }
    }

    /// <summary>Gives every signal and inactivity rule its points and every plan its occurrences in the window.</summary>
    /// <remarks>
    /// <para>One pass over the signals (per layer of the kind-to-plan map) counts each plan's signals in its window and
    /// writes each signal's age at the end of its plan's bucket, where the next signal of that plan overwrites it unless
    /// it was counted. So each decaying plan ends with exactly its ages in the window, in signal order, with no branch on
    /// the signal: which kinds a lead's signals have and how old they are is unpredictable. The same pass finds the
    /// youngest signal for inactivity rules. A model without decay or without inactivity rules runs a pass compiled
    /// without that work.</para>
    /// <para>Each plan then sums its factors in signal order, as <see cref="SignalMath.Evaluate"/> does, or, when more
    /// occurred than it counts, the factors of its most recent ages, youngest first, as
    /// <see cref="SignalMath.SumMostRecent"/> does.</para>
    /// </remarks>
    [SkipLocalsInit]
    private void EvaluateSignals(Lead lead, long asOfTicks, Span<double> points, Span<int> occurrences)
    {
        var plans = _plans;
        var signals = lead.Signals.AsSpan();
        Span<int> counts = plans.Length < SignalStackLimit ? stackalloc int[plans.Length + 1] : new int[plans.Length + 1];
        counts.Clear();
        var capacity = signals.Length;

        // Only decaying plans need their ages; the others share the last bucket, so one bucket means none decays.
        var decays = _bucketCount > 1;
        var size = decays ? _bucketCount * capacity : 0;
        var youngest = long.MaxValue;
        long[]? rented = null;
        var ages = size <= 4 * SignalStackLimit ? stackalloc long[size] : (rented = ArrayPool<long>.Shared.Rent(size));
        try
        {
            foreach (var kindPlan in _kindPlanLayers)
            {
                // The idle plan counts every signal it gets; only the index it writes at must stay in its bucket.
                counts[plans.Length] = 0;
                youngest = (decays, _inactivityTicks.Length > 0) switch
                {
                    (true, true) => CountSignals<With, With>(signals, asOfTicks, kindPlan, _passPlans, capacity, counts, ages, youngest),
                    (true, false) => CountSignals<With, Without>(signals, asOfTicks, kindPlan, _passPlans, capacity, counts, ages, youngest),
                    (false, true) => CountSignals<Without, With>(signals, asOfTicks, kindPlan, _passPlans, capacity, counts, ages, youngest),
                    _ => CountSignals<Without, Without>(signals, asOfTicks, kindPlan, _passPlans, capacity, counts, ages, youngest),
                };
            }

            GivePoints(_finishPlans, counts, ages, capacity, points, occurrences);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }

        if (_inactivityTicks.Length > 0)
        {
            // The time since the last activity: the youngest signal up to the moment, or the lead's creation.
            var idle = Math.Min(asOfTicks - lead.CreatedAt.UtcTicks, youngest);
            for (var i = 0; i < _inactivityTicks.Length; i++)
            {
                points[_inactivitySlots[i]] = idle > _inactivityTicks[i] ? _inactivityPoints[i] : 0;
            }
        }
    }

    /// <summary>
    /// The pass over the signals for one layer of the kind-to-plan map: counts each plan's signals in its window and
    /// writes each signal's age at the next free place of its plan's bucket. No call, and no branch on the signal but
    /// one, with inactivity rules, on a new youngest signal (cheaper than arithmetic when it is predicted).
    /// </summary>
    /// <remarks>
    /// Unchecked indexing keeps the loop's variables in registers (bounds checks need every length in one). Every
    /// index is valid by construction: the ordinal is clamped to the layer; a layer holds plan indexes of
    /// <paramref name="plans"/> and <paramref name="counts"/>; and a plan has counted fewer signals than
    /// <paramref name="capacity"/> (the number of signals) when it writes, so it writes inside its bucket.
    /// </remarks>
    private static long CountSignals<TAges, TYoungest>(ReadOnlySpan<EngagementSignal> signals, long asOfTicks, int[] kindPlan, PassPlan[] plans, int capacity, Span<int> counts, Span<long> ages, long youngest)
        where TAges : struct, IPassOption
        where TYoungest : struct, IPassOption
    {
        ref var kinds = ref MemoryMarshal.GetArrayDataReference(kindPlan);
        ref var firstPlan = ref MemoryMarshal.GetArrayDataReference(plans);
        ref var firstCount = ref MemoryMarshal.GetReference(counts);
        ref var firstAge = ref MemoryMarshal.GetReference(ages);
        var last = (uint)kindPlan.Length - 1;
        var younger = (ulong)youngest;
        foreach (ref readonly var signal in signals)
        {
            var age = asOfTicks - signal.OccurredAtUtcTicks;
            var p = (nint)(uint)Unsafe.Add(ref kinds, (nint)Math.Min((uint)signal.Kind.Ordinal, last));
            ref readonly var plan = ref Unsafe.Add(ref firstPlan, p);
            ref var count = ref Unsafe.Add(ref firstCount, p);
            var counted = count;
            if (TYoungest.On)
            {
                // The smaller age, unsigned: a signal after the moment has a negative age, larger than any as unsigned.
                younger = Math.Min(younger, (ulong)age);
            }

            if (TAges.On)
            {
                Unsafe.Add(ref firstAge, (nint)((plan.Bucket * capacity) + counted)) = age;
            }

            // Compared unsigned, a signal after the moment (negative age) is outside every window.
            count = counted + ((ulong)age <= (ulong)plan.Window ? 1 : 0);
        }

        return (long)younger;
    }

    /// <summary>
    /// A choice compiled into the signal pass as a type argument, so a model pays only for what it uses: ages for
    /// decaying plans, the youngest signal for inactivity rules.
    /// </summary>
    private interface IPassOption
    {
        static abstract bool On { get; }
    }

    private readonly struct With : IPassOption
    {
        public static bool On => true;
    }

    private readonly struct Without : IPassOption
    {
        public static bool On => false;
    }

    /// <summary>What the signal pass reads of a plan to give its points.</summary>
    /// <param name="Slot">The plan's rule index.</param>
    /// <param name="MinOccurrences">The occurrences needed before the plan gives points.</param>
    /// <param name="MaxOccurrences">The most occurrences counted (the most recent ones).</param>
    /// <param name="Bucket">The plan's bucket of ages.</param>
    /// <param name="PointsPerOccurrence">The points per counted occurrence.</param>
    /// <param name="Kind">The kind of the plan's decay.</param>
    /// <param name="Rate">The decay's <see cref="CompiledDecay.Rate"/>, read here without following the reference.</param>
    /// <param name="Decay">The plan's decay.</param>
    private readonly record struct FinishPlan(int Slot, int MinOccurrences, int MaxOccurrences, int Bucket, double PointsPerOccurrence, DecayKind Kind, double Rate, CompiledDecay Decay);

    /// <summary>What the signal pass reads of a plan to count its signals.</summary>
    /// <param name="Window">The window in ticks; for the idle plan -1, which as an unsigned number holds every age.</param>
    /// <param name="Bucket">The plan's bucket of ages: its own when it decays, else the last, shared one.</param>
    private readonly record struct PassPlan(long Window, int Bucket);

    /// <summary>
    /// Gives each plan its points from its count and bucket of ages: its factors summed in signal order, or, when more
    /// occurred than it counts, those of its most recent ages, youngest first.
    /// </summary>
    private static void GivePoints(FinishPlan[] finish, ReadOnlySpan<int> counts, Span<long> ages, int capacity, Span<double> points, Span<int> occurrences)
    {
        for (var p = 0; p < finish.Length; p++)
        {
            ref readonly var plan = ref finish[p];
            var count = counts[p];
            occurrences[p] = count;
            var counted = count < plan.MinOccurrences ? 0 : Math.Min(count, plan.MaxOccurrences);

            // Without decay, or with nothing counted, the sum of the factors is the number counted.
            double sum = counted;
            if (plan.Kind != DecayKind.None && counted > 0)
            {
                var bucket = ages.Slice(plan.Bucket * capacity, count);
                if (count > counted)
                {
                    bucket = MostRecent(bucket, counted);
                }

                sum = plan.Kind switch
                {
                    DecayKind.Exponential => SumHalfLife(bucket, plan.Rate),
                    DecayKind.Linear => SumLinear(bucket, plan.Rate),
                    _ => SumFactors(plan.Decay, bucket),
                };
            }

            points[plan.Slot] = plan.PointsPerOccurrence * sum;
        }
    }

    /// <summary>Σ <c>2^(-age · rate)</c> over <paramref name="ages"/>, in order: <see cref="CompiledDecay.Factor"/> of exponential decay.</summary>
    private static double SumHalfLife(ReadOnlySpan<long> ages, double rate)
    {
        var sum = 0.0;
        foreach (var age in ages)
        {
            sum += HalfLifeFactor.Of(age * rate);
        }

        return sum;
    }

    /// <summary>Σ <c>max(0, 1 - age · rate)</c> over <paramref name="ages"/>, in order: <see cref="CompiledDecay.Factor"/> of linear decay.</summary>
    private static double SumLinear(ReadOnlySpan<long> ages, double rate)
    {
        var sum = 0.0;
        foreach (var age in ages)
        {
            sum += CompiledDecay.LinearFactor(age, rate);
        }

        return sum;
    }

    /// <summary>
    /// The <paramref name="most"/> smallest ages, ascending, at the start of <paramref name="ages"/> (which has more):
    /// the most recent occurrences, in the order <see cref="SignalMath.SumMostRecent"/> sums them.
    /// </summary>
    private static Span<long> MostRecent(Span<long> ages, int most)
    {
        if (most == 1)
        {
            var youngest = 0;
            for (var i = 1; i < ages.Length; i++)
            {
                youngest = ages[i] < ages[youngest] ? i : youngest;
            }

            ages[0] = ages[youngest];
        }
        else
        {
            ages.Sort();
        }

        return ages[..most];
    }

    /// <summary>Σ decay factor(age) over <paramref name="ages"/>, in order, for step and sliding-window decay.</summary>
    private static double SumFactors(CompiledDecay decay, ReadOnlySpan<long> ages)
    {
        var sum = 0.0;
        foreach (var age in ages)
        {
            sum += decay.Factor(age);
        }

        return sum;
    }
}
