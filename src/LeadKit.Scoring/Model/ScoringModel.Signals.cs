using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Model;

/// <summary>The signal pass: signal and inactivity rules, evaluated together over a lead's signals.</summary>
public sealed partial class ScoringModel
{
    // Leads with up to this many signals get their scratch space on the stack.
    private const int SignalStackLimit = 128;

    // Every layer of the kind-to-code map covers at least this many ordinals (all built-in kinds).
    private const int MinimumKinds = 64;

    // The code of a signal that no plan of a layer counts: of a kind the layer does not score, or outside the window.
    private const byte NoPlan = byte.MaxValue;

    // The signals one mask covers: a plan's signals are found 32 at a time, by comparing their codes with the plan's.
    private const int Chunk = 32;

    /// <summary>
    /// Maps signal kinds to plans in layers, so that in each layer a kind has at most one plan, each plan is in one
    /// layer, and a layer has at most 255 plans (a greedy colouring of plans that share a kind). Within its layer a
    /// plan has a one-byte code. There is always at least one layer: inactivity rules need the pass over the signals
    /// even in a model without signal rules. Every layer covers the built-in kinds and the kinds the model scores; its
    /// last entry, of no plan, stands for every larger ordinal.
    /// </summary>
    private static (KindCode[][] Layers, FinishPlan[] Finish) BuildLayers(SignalPlan[] plans, int maxOrdinal)
    {
        var length = Math.Max(maxOrdinal + 2, MinimumKinds);
        var layers = new List<KindCode[]> { NewLayer() };
        var planCounts = new List<int> { 0 };
        var finish = new FinishPlan[plans.Length];
        for (var p = 0; p < plans.Length; p++)
        {
            var plan = plans[p];
            var index = 0;
            while (index < layers.Count && (planCounts[index] == NoPlan || !Array.TrueForAll(plan.KindOrdinals, k => layers[index][k].Code == NoPlan)))
            {
                index++;
            }

            if (index == layers.Count)
            {
                layers.Add(NewLayer());
                planCounts.Add(0);
            }

            var code = (byte)planCounts[index]++;
            foreach (var ordinal in plan.KindOrdinals)
            {
                layers[index][ordinal] = new KindCode(plan.WindowTicks, code);
            }

            finish[p] = new FinishPlan(plan.Slot, plan.MinOccurrences, plan.MaxOccurrences, index, code, plan.PointsPerOccurrence, plan.Decay.Kind, plan.Decay.Rate, plan.Decay);
        }

        return ([.. layers], finish);

        KindCode[] NewLayer()
        {
            var layer = new KindCode[length];
            Array.Fill(layer, new KindCode(0, NoPlan));
            return layer;
        }
    }

    /// <summary>Gives every signal and inactivity rule its points and every plan its occurrences in the window.</summary>
    /// <remarks>
    /// <para>One pass over the signals (per layer of the kind-to-code map) writes each signal's age, and its plan's code
    /// when it is in that plan's window (else <see cref="NoPlan"/>), in signal order: two sequential stores per signal and
    /// no branch on the signal, whose kind and age are unpredictable. The same pass finds the youngest signal for
    /// inactivity rules; a model without them runs a pass compiled without that work.</para>
    /// <para>Each plan then finds its signals by comparing the codes with its own, 32 at a time: their number is its
    /// occurrences, and it sums their factors in signal order, as <see cref="SignalMath.Evaluate"/> does, or, when more
    /// occurred than it counts, the factors of its most recent ages, youngest first, as
    /// <see cref="SignalMath.SumMostRecent"/> does.</para>
    /// </remarks>
    [SkipLocalsInit]
    private void EvaluateSignals(Lead lead, long asOfTicks, Span<double> points, Span<int> occurrences)
    {
        var signals = lead.Signals.AsSpan();
        var layers = _kindCodeLayers;

        // The codes of each layer are padded with NoPlan to whole chunks, so every chunk is compared whole.
        var stride = (int)(((uint)signals.Length + (Chunk - 1)) & ~(uint)(Chunk - 1));
        var codeCount = stride * layers.Length;
        long[]? rentedAges = null;
        byte[]? rentedCodes = null;

        // The ages in signal order, then room for one plan's ages.
        var ages = signals.Length <= SignalStackLimit ? stackalloc long[2 * signals.Length] : (rentedAges = ArrayPool<long>.Shared.Rent(2 * signals.Length));
        var codes = codeCount <= 4 * SignalStackLimit ? stackalloc byte[codeCount] : (rentedCodes = ArrayPool<byte>.Shared.Rent(codeCount));
        var youngest = long.MaxValue;
        try
        {
            for (var l = 0; l < layers.Length; l++)
            {
                var layerCodes = codes.Slice(l * stride, stride);
                youngest = _inactivityTicks.Length > 0
                    ? CodeSignals<With>(signals, asOfTicks, layers[l], layerCodes, ages, youngest)
                    : CodeSignals<Without>(signals, asOfTicks, layers[l], layerCodes, ages, youngest);
                layerCodes[signals.Length..].Fill(NoPlan);
            }

            GivePoints(_finishPlans, codes, stride, ages[..signals.Length], ages[signals.Length..], points, occurrences);
        }
        finally
        {
            if (rentedAges is not null)
            {
                ArrayPool<long>.Shared.Return(rentedAges);
            }

            if (rentedCodes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedCodes);
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
    /// The pass over the signals for one layer of the kind-to-code map: writes each signal's age and code. No call, no
    /// read of what an earlier signal wrote, and no branch on the signal but one, with inactivity rules, on a new
    /// youngest signal (cheaper than arithmetic when it is predicted).
    /// </summary>
    /// <remarks>
    /// Unchecked indexing keeps the loop's variables in registers (bounds checks need every length in one). Every
    /// index is valid by construction: the ordinal is clamped to the layer, and <paramref name="codes"/> and
    /// <paramref name="ages"/> hold at least one entry per signal.
    /// </remarks>
    private static long CodeSignals<TYoungest>(ReadOnlySpan<EngagementSignal> signals, long asOfTicks, KindCode[] layer, Span<byte> codes, Span<long> ages, long youngest)
        where TYoungest : struct, IPassOption
    {
        ref var firstKind = ref MemoryMarshal.GetArrayDataReference(layer);
        ref var firstCode = ref MemoryMarshal.GetReference(codes);
        ref var firstAge = ref MemoryMarshal.GetReference(ages);
        var last = (uint)layer.Length - 1;
        var younger = (ulong)youngest;
        nint i = 0;
        foreach (ref readonly var signal in signals)
        {
            var age = asOfTicks - signal.OccurredAtUtcTicks;
            ref readonly var kind = ref Unsafe.Add(ref firstKind, (nint)Math.Min((uint)signal.Kind.Ordinal, last));
            if (TYoungest.On)
            {
                // The smaller age, unsigned: a signal after the moment has a negative age, larger than any as unsigned.
                younger = Math.Min(younger, (ulong)age);
            }

            Unsafe.Add(ref firstAge, i) = age;

            // Compared unsigned, a signal after the moment (negative age) is outside every window.
            Unsafe.Add(ref firstCode, i) = (ulong)age <= (ulong)kind.Window ? kind.Code : NoPlan;
            i++;
        }

        return (long)younger;
    }

    /// <summary>
    /// A choice compiled into the signal pass as a type argument, so a model pays only for what it uses: the youngest
    /// signal for inactivity rules.
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
    /// <param name="Layer">The plan's layer of the kind-to-code map.</param>
    /// <param name="Code">The plan's code in its layer.</param>
    /// <param name="PointsPerOccurrence">The points per counted occurrence.</param>
    /// <param name="Kind">The kind of the plan's decay.</param>
    /// <param name="Rate">The decay's <see cref="CompiledDecay.Rate"/>, read here without following the reference.</param>
    /// <param name="Decay">The plan's decay.</param>
    private readonly record struct FinishPlan(int Slot, int MinOccurrences, int MaxOccurrences, int Layer, byte Code, double PointsPerOccurrence, DecayKind Kind, double Rate, CompiledDecay Decay)
    {
        /// <summary>How many occurrences count, given how many are in the window: 0 below the threshold.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Counted(int occurrences) => occurrences < MinOccurrences ? 0 : Math.Min(occurrences, MaxOccurrences);
    }

    /// <summary>What the signal pass reads of a signal kind in one layer.</summary>
    /// <param name="Window">The window in ticks of the kind's plan.</param>
    /// <param name="Code">The kind's plan's code, or <see cref="NoPlan"/>.</param>
    private readonly record struct KindCode(long Window, byte Code);

    /// <summary>
    /// Gives each plan its occurrences (its codes among the signals') and its points: its factors summed in signal
    /// order, or, when more occurred than it counts, those of its most recent ages, youngest first.
    /// </summary>
    /// <remarks>
    /// Unchecked indexing, as in the pass: a plan's layer is one of <paramref name="codes"/>' <paramref name="stride"/>
    /// codes, read in whole chunks; a bit of a mask is set only where a signal has the plan's code, so it indexes
    /// <paramref name="ages"/>, which holds one age per signal (the padding has no plan's code); and every slot was
    /// checked against the rule count when the model was built.
    /// </remarks>
    private static void GivePoints(FinishPlan[] finish, Span<byte> codes, int stride, Span<long> ages, Span<long> planAges, Span<double> points, Span<int> occurrences)
    {
        ref var firstCode = ref MemoryMarshal.GetReference(codes);
        ref var firstAge = ref MemoryMarshal.GetReference(ages);
        ref var firstPoints = ref MemoryMarshal.GetReference(points);
        ref var firstOccurrences = ref MemoryMarshal.GetReference(occurrences[..finish.Length]);
        for (var p = 0; p < finish.Length; p++)
        {
            ref readonly var plan = ref finish[p];
            ref var planCodes = ref Unsafe.Add(ref firstCode, plan.Layer * stride);
            var count = 0;
            for (var c = 0; c < stride; c += Chunk)
            {
                count += BitOperations.PopCount(MaskOf(ref Unsafe.Add(ref planCodes, c), plan.Code));
            }

            Unsafe.Add(ref firstOccurrences, p) = count;
            var counted = plan.Counted(count);

            // Without decay, or with nothing counted, the sum of the factors is the number counted.
            double sum = counted;
            if (plan.Kind != DecayKind.None && counted > 0)
            {
                sum = count > counted
                    ? SumMostRecent(plan, ref planCodes, stride, ages, planAges, counted)
                    : plan.Kind switch
                    {
                        DecayKind.Exponential => SumInOrder<HalfLife>(plan, ref planCodes, stride, ref firstAge),
                        DecayKind.Linear => SumInOrder<Linear>(plan, ref planCodes, stride, ref firstAge),
                        _ => SumInOrder<AnyDecay>(plan, ref planCodes, stride, ref firstAge),
                    };
            }

            Unsafe.Add(ref firstPoints, plan.Slot) = plan.PointsPerOccurrence * sum;
        }
    }

    /// <summary>Σ factor(age) over the plan's signals, in signal order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SumInOrder<TFactor>(in FinishPlan plan, ref byte planCodes, int stride, ref long firstAge)
        where TFactor : struct, IDecayFactor
    {
        var sum = 0.0;
        for (var c = 0; c < stride; c += Chunk)
        {
            for (var mask = MaskOf(ref Unsafe.Add(ref planCodes, c), plan.Code); mask != 0; mask &= mask - 1)
            {
                sum += TFactor.Of(plan, Unsafe.Add(ref firstAge, c + BitOperations.TrailingZeroCount(mask)));
            }
        }

        return sum;
    }

    /// <summary>
    /// Σ factor(age) over the plan's <paramref name="counted"/> most recent signals, youngest first, when more occurred:
    /// as <see cref="SignalMath.SumMostRecent"/> sums them. Kept out of the plan loop, which it would crowd.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumMostRecent(in FinishPlan plan, ref byte planCodes, int stride, Span<long> ages, Span<long> planAges, int counted)
    {
        var found = 0;
        for (var c = 0; c < stride; c += Chunk)
        {
            for (var mask = MaskOf(ref Unsafe.Add(ref planCodes, c), plan.Code); mask != 0; mask &= mask - 1)
            {
                planAges[found++] = ages[c + BitOperations.TrailingZeroCount(mask)];
            }
        }

        var recent = MostRecent(planAges[..found], counted);
        return plan.Kind switch
        {
            DecayKind.Exponential => SumHalfLife(recent, plan.Rate),
            DecayKind.Linear => SumLinear(recent, plan.Rate),
            _ => SumFactors(plan.Decay, recent),
        };
    }

    /// <summary>A decay's factor of an age, as a type argument, so each kind's sum is compiled with its formula inline.</summary>
    private interface IDecayFactor
    {
        static abstract double Of(in FinishPlan plan, long age);
    }

    private readonly struct HalfLife : IDecayFactor
    {
        public static double Of(in FinishPlan plan, long age) => HalfLifeFactor.Of(age * plan.Rate);
    }

    private readonly struct Linear : IDecayFactor
    {
        public static double Of(in FinishPlan plan, long age) => CompiledDecay.LinearFactor(age, plan.Rate);
    }

    private readonly struct AnyDecay : IDecayFactor
    {
        public static double Of(in FinishPlan plan, long age) => plan.Decay.Factor(age);
    }

    /// <summary>Bit <c>i</c> set where <c>codes[i] == code</c>, for the first <see cref="Chunk"/> codes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint MaskOf(ref byte first, byte code)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            return Vector256.Equals(Vector256.LoadUnsafe(ref first), Vector256.Create(code)).ExtractMostSignificantBits();
        }

        var low = Vector128.Equals(Vector128.LoadUnsafe(ref first), Vector128.Create(code)).ExtractMostSignificantBits();
        var high = Vector128.Equals(Vector128.LoadUnsafe(ref first, 16), Vector128.Create(code)).ExtractMostSignificantBits();
        return low | (high << 16);
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
