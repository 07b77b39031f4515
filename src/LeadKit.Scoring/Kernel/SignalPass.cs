using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Kernel;

/// <summary>
/// The signal pass: signal and inactivity rules, evaluated together over a lead's signals. Built once per model from
/// its plans; <see cref="Evaluate"/> allocates nothing (scratch space on the stack, or from the pool for leads with many
/// signals or models with many layers). <see cref="Compile"/> gives the plans' points as straight-line code.
/// </summary>
internal sealed partial class SignalPass
{
    // Leads with up to this many signals get their scratch space on the stack.
    private const int SignalStackLimit = 128;

    // Every layer of the kind-to-code map covers at least this many ordinals (all built-in kinds).
    private const int MinimumKinds = 64;

    // The code of a signal that no plan of a layer counts: of a kind the layer does not score, or outside the window.
    private const byte NoPlan = byte.MaxValue;

    // Up to this many ages of one rule are sorted by insertion.
    private const int SmallSort = 16;

    // The signals one mask covers: a plan's signals are found 32 at a time, by comparing their codes with the plan's.
    private const int Chunk = 32;

    // Signal kind ordinal -> (window, plan code), in layers: each layer maps a kind to at most one plan (NoPlan when
    // none), and each plan is in one layer. Most models have one layer; a kind counted by several rules adds one. The
    // last entry of each layer stands for every larger ordinal (kinds no rule scores).
    private readonly KindCode[][] _layers;

    // The plans reduced to what the pass reads, in plan order.
    private readonly FinishPlan[] _finishPlans;

    // Inactivity rules read the youngest signal, which the pass finds anyway.
    private readonly long[] _inactivityTicks;
    private readonly double[] _inactivityPoints;
    private readonly int[] _inactivitySlots;

    // Null in the usual model, whose kind-to-code map is indexed by the kinds' process-wide ordinals; the model's kinds,
    // numbered by the model, when the full registry could not register them all.
    private readonly VocabularyIndex<EngagementSignalKind>? _localKinds;

    /// <summary>Builds the pass of a model's signal plans and inactivity rules.</summary>
    /// <param name="plans">The signal rules' plans, in rule order.</param>
    /// <param name="inactivityTicks">Each inactivity rule's idle time in ticks.</param>
    /// <param name="inactivityPoints">Each inactivity rule's points.</param>
    /// <param name="inactivitySlots">Each inactivity rule's index in the model.</param>
    /// <param name="localKinds">The model's own numbering of its kinds, or <see langword="null"/> for process-wide ordinals.</param>
    public SignalPass(SignalPlan[] plans, long[] inactivityTicks, double[] inactivityPoints, int[] inactivitySlots, VocabularyIndex<EngagementSignalKind>? localKinds)
    {
        var maxOrdinal = 0;
        foreach (var plan in plans)
        {
            foreach (var ordinal in plan.KindSlots)
            {
                maxOrdinal = Math.Max(maxOrdinal, ordinal);
            }
        }

        (_layers, _finishPlans) = BuildLayers(plans, maxOrdinal);
        _inactivityTicks = inactivityTicks;
        _inactivityPoints = inactivityPoints;
        _inactivitySlots = inactivitySlots;
        _localKinds = localKinds;
        HasWork = plans.Length > 0 || inactivityTicks.Length > 0;
    }

    /// <summary>Gets the number of signal plans: the length <see cref="Evaluate"/> needs of its occurrences.</summary>
    public int PlanCount => _finishPlans.Length;

    /// <summary>Gets the number of layers of the kind-to-code map (one unless several plans count one kind).</summary>
    public int LayerCount => _layers.Length;

    /// <summary>Gets a value indicating whether the model has signal or inactivity rules, so the pass has work.</summary>
    public bool HasWork { get; }

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
            while (index < layers.Count && (planCounts[index] == NoPlan || !Array.TrueForAll(plan.KindSlots, k => layers[index][k].Code == NoPlan)))
            {
                index++;
            }

            if (index == layers.Count)
            {
                layers.Add(NewLayer());
                planCounts.Add(0);
            }

            var code = (byte)planCounts[index]++;
            foreach (var ordinal in plan.KindSlots)
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
    /// when it is in that plan's window (else <see cref="NoPlan"/>), in signal order: two sequential stores per signal, and
    /// no read of what an earlier signal wrote. The same pass finds the youngest signal for inactivity rules; a model
    /// without them runs a pass compiled without that work.</para>
    /// <para>Each plan then finds its signals by comparing the codes with its own, 32 at a time: their number is its
    /// occurrences, and it sums their factors in signal order, as <see cref="SignalMath.Evaluate"/> does, or, when more
    /// occurred than it counts, the factors of its most recent ages, youngest first, as
    /// <see cref="SignalMath.SumMostRecent"/> does.</para>
    /// </remarks>
    /// <param name="lead">The lead.</param>
    /// <param name="asOfTicks">The moment, in UTC ticks.</param>
    /// <param name="points">The model's points per rule; the pass writes its rules' slots.</param>
    /// <param name="occurrences">At least <see cref="PlanCount"/> entries: each plan's occurrences in its window.</param>
    /// <param name="compiled">The plans' points as straight-line code (<see cref="Compile"/>), or <see langword="null"/> for the table path.</param>
    [SkipLocalsInit]
    public void Evaluate(Lead lead, long asOfTicks, Span<double> points, Span<int> occurrences, SignalPoints? compiled)
    {
        var signals = lead.Signals.AsSpan();
        var layers = _layers;

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
                if (stride > 0)
                {
                    // The padding: the last chunk all NoPlan, before the pass writes the signals' codes over its start.
                    Vector256.Create(NoPlan).StoreUnsafe(ref layerCodes[stride - Chunk]);
                }

                youngest = (_inactivityTicks.Length > 0, _localKinds is null) switch
                {
                    (true, true) => CodeSignals<With, Without>(signals, asOfTicks, layers[l], layerCodes, ages, youngest, null),
                    (false, true) => CodeSignals<Without, Without>(signals, asOfTicks, layers[l], layerCodes, ages, youngest, null),
                    (true, false) => CodeSignals<With, With>(signals, asOfTicks, layers[l], layerCodes, ages, youngest, _localKinds),
                    (false, false) => CodeSignals<Without, With>(signals, asOfTicks, layers[l], layerCodes, ages, youngest, _localKinds),
                };
            }

            if (compiled is not null)
            {
                compiled(ref MemoryMarshal.GetReference(codes), stride, ref MemoryMarshal.GetReference(ages), ref MemoryMarshal.GetReference(ages[signals.Length..]), ref MemoryMarshal.GetReference(points), ref MemoryMarshal.GetReference(occurrences[.._finishPlans.Length]));
            }
            else
            {
                GivePoints(_finishPlans, codes, stride, ages[..signals.Length], ages[signals.Length..], points, occurrences);
            }
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
            // The time since the youngest signal up to the moment; only a lead without one counts from its creation.
            var idle = youngest == long.MaxValue ? asOfTicks - lead.CreatedAt.UtcTicks : youngest;
            for (var i = 0; i < _inactivityTicks.Length; i++)
            {
                points[_inactivitySlots[i]] = idle > _inactivityTicks[i] ? _inactivityPoints[i] : 0;
            }
        }
    }

    /// <summary>
    /// The pass over the signals for one layer of the kind-to-code map: writes each signal's age and code. No call and no
    /// read of what an earlier signal wrote. The JIT compiles the choice of code (in the window or not) and, with
    /// inactivity rules, the youngest signal to branches; both measured faster than their branch-free forms (the code by
    /// 2%), since most kinds have no window and the youngest signal changes rarely.
    /// </summary>
    /// <remarks>
    /// <para>Unchecked indexing keeps the loop's variables in registers (bounds checks need every length in one). Every
    /// index is valid by construction: the ordinal is clamped to the layer (an unregistered kind's -1 to its last entry,
    /// of no plan), and <paramref name="codes"/> and <paramref name="ages"/> hold at least one entry per signal.</para>
    /// <para>In the usual model the map's entries are the kinds' process-wide ordinals. A model some of whose kinds the full
    /// registry could not register (<typeparamref name="TLocal"/> on) numbers its kinds itself, 1 to their count, and finds
    /// each signal's entry through <paramref name="localKinds"/> (0, of no plan, for other kinds): slower, the same codes.</para>
    /// </remarks>
    private static long CodeSignals<TYoungest, TLocal>(ReadOnlySpan<EngagementSignal> signals, long asOfTicks, KindCode[] layer, Span<byte> codes, Span<long> ages, long youngest, VocabularyIndex<EngagementSignalKind>? localKinds)
        where TYoungest : struct, IPassOption
        where TLocal : struct, IPassOption
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
            var entry = TLocal.On ? (uint)(localKinds!.IndexOf(signal.Kind) + 1) : Math.Min((uint)signal.KindOrdinal, last);
            ref readonly var kind = ref Unsafe.Add(ref firstKind, (nint)entry);
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
    private readonly record struct FinishPlan(int Slot, int MinOccurrences, int MaxOccurrences, int Layer, byte Code, double PointsPerOccurrence, DecayCurve Kind, double Rate, CompiledDecay Decay);

    /// <summary>What the signal pass reads of a signal kind in one layer.</summary>
    /// <param name="Window">The window in ticks of the kind's plan.</param>
    /// <param name="Code">The kind's plan's code, or <see cref="NoPlan"/>.</param>
    private readonly record struct KindCode(long Window, byte Code);

    /// <summary>
    /// Gives each plan its occurrences and points (<see cref="Finish{TFactor}"/>), with the plan's numbers read from
    /// <paramref name="finish"/>: the path of ahead-of-time compiled applications, and the tests' reference for the
    /// compiled one (<see cref="Compile"/>), which passes the same numbers as constants.
    /// </summary>
    private static void GivePoints(FinishPlan[] finish, Span<byte> codes, int stride, Span<long> ages, Span<long> planAges, Span<double> points, Span<int> occurrences)
    {
        ref var firstCode = ref MemoryMarshal.GetReference(codes);
        ref var firstAge = ref MemoryMarshal.GetReference(ages);
        ref var firstPlanAge = ref MemoryMarshal.GetReference(planAges);
        ref var firstPoints = ref MemoryMarshal.GetReference(points);
        ref var firstOccurrences = ref MemoryMarshal.GetReference(occurrences[..finish.Length]);
        for (var p = 0; p < finish.Length; p++)
        {
            ref readonly var plan = ref finish[p];
            switch (plan.Kind)
            {
                case DecayCurve.None:
                    FinishFromTable<NoDecay>(plan, p, ref firstCode, stride, ref firstAge, ref firstPlanAge, ref firstPoints, ref firstOccurrences);
                    break;
                case DecayCurve.Exponential:
                    FinishFromTable<HalfLife>(plan, p, ref firstCode, stride, ref firstAge, ref firstPlanAge, ref firstPoints, ref firstOccurrences);
                    break;
                case DecayCurve.Linear:
                    FinishFromTable<Linear>(plan, p, ref firstCode, stride, ref firstAge, ref firstPlanAge, ref firstPoints, ref firstOccurrences);
                    break;
                default:
                    FinishFromTable<AnyDecay>(plan, p, ref firstCode, stride, ref firstAge, ref firstPlanAge, ref firstPoints, ref firstOccurrences);
                    break;
            }
        }
    }

    /// <summary><see cref="Finish{TFactor}"/> with the plan's numbers read from its entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FinishFromTable<TFactor>(in FinishPlan plan, int p, ref byte codes, int stride, ref long ages, ref long planAges, ref double points, ref int occurrences)
        where TFactor : struct, IDecayFactor
        => Finish<TFactor>(ref codes, stride, plan.Layer, plan.Code, plan.MinOccurrences, plan.MaxOccurrences, plan.Rate, plan.Decay, plan.PointsPerOccurrence, plan.Slot, p, ref ages, ref planAges, ref points, ref occurrences);

    /// <summary>
    /// Gives one plan its occurrences (its code among the signals') and its points: the points per occurrence times its
    /// factors summed in signal order, or, when more occurred than it counts, those of its most recent ages, youngest
    /// first.
    /// </summary>
    /// <remarks>
    /// Inlined where it is called, so that the compiled form gets every number of the plan as a constant. Unchecked
    /// indexing, as in the pass: the plan's layer is one of <paramref name="codes"/>' layers of
    /// <paramref name="stride"/> codes, read in whole chunks; a bit of a mask is set only where a signal has the plan's
    /// code, so it indexes <paramref name="ages"/>, which holds one age per signal (the padding has no plan's code);
    /// <paramref name="planAges"/> has room for every signal; and the slot and plan index were checked against the
    /// rule and plan counts when the model was built.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TFactor>(ref byte codes, int stride, int layer, byte code, int minOccurrences, int maxOccurrences, double rate, CompiledDecay? decay, double pointsPerOccurrence, int slot, int plan, ref long ages, ref long planAges, ref double points, ref int occurrences)
        where TFactor : struct, IDecayFactor
    {
        ref var planCodes = ref Unsafe.Add(ref codes, layer * stride);
        var count = 0;
        for (var c = 0; c < stride; c += Chunk)
        {
            count += BitOperations.PopCount(MaskOf(ref Unsafe.Add(ref planCodes, c), code));
        }

        Unsafe.Add(ref occurrences, plan) = count;
        var counted = SignalPlan.Counted(count, minOccurrences, maxOccurrences);

        // Without decay, or with nothing counted, the sum of the factors is the number counted.
        double sum = counted;
        if (TFactor.Decays && counted > 0)
        {
            sum = count > counted
                ? SumMostRecent<TFactor>(ref planCodes, stride, code, rate, decay, ref ages, MemoryMarshal.CreateSpan(ref planAges, count), counted)
                : SumInOrder<TFactor>(ref planCodes, stride, code, rate, decay, ref ages);
        }

        Unsafe.Add(ref points, slot) = pointsPerOccurrence * sum;
    }

    /// <summary>Σ factor(age) over the plan's signals, in signal order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SumInOrder<TFactor>(ref byte planCodes, int stride, byte code, double rate, CompiledDecay? decay, ref long ages)
        where TFactor : struct, IDecayFactor
    {
        var sum = 0.0;
        for (var c = 0; c < stride; c += Chunk)
        {
            for (var mask = MaskOf(ref Unsafe.Add(ref planCodes, c), code); mask != 0; mask &= mask - 1)
            {
                sum += TFactor.Of(rate, decay, Unsafe.Add(ref ages, c + BitOperations.TrailingZeroCount(mask)));
            }
        }

        return sum;
    }

    /// <summary>
    /// Σ factor(age) over the plan's <paramref name="counted"/> most recent signals, youngest first, when more occurred
    /// (<paramref name="planAges"/> holds exactly their number): as <see cref="SignalMath.SumMostRecent"/> sums them.
    /// Kept out of line: it is the rare case, and it would crowd the code of every plan.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumMostRecent<TFactor>(ref byte planCodes, int stride, byte code, double rate, CompiledDecay? decay, ref long ages, Span<long> planAges, int counted)
        where TFactor : struct, IDecayFactor
    {
        var found = 0;
        for (var c = 0; c < stride; c += Chunk)
        {
            for (var mask = MaskOf(ref Unsafe.Add(ref planCodes, c), code); mask != 0; mask &= mask - 1)
            {
                planAges[found++] = Unsafe.Add(ref ages, c + BitOperations.TrailingZeroCount(mask));
            }
        }

        var sum = 0.0;
        foreach (var age in MostRecent(planAges, counted))
        {
            sum += TFactor.Of(rate, decay, age);
        }

        return sum;
    }

    /// <summary>A kind of decay as a type argument, so each kind's sums are compiled with its formula inline.</summary>
    private interface IDecayFactor
    {
        /// <summary>Gets a value indicating whether the factor can be below 1 (false: no decay, the sum is the count).</summary>
        static abstract bool Decays { get; }

        /// <summary>The factor of an age, from the decay's rate or, for the kinds without a formula here, the decay.</summary>
        static abstract double Of(double rate, CompiledDecay? decay, long age);
    }

    private readonly struct NoDecay : IDecayFactor
    {
        public static bool Decays => false;

        public static double Of(double rate, CompiledDecay? decay, long age) => 1;
    }

    private readonly struct HalfLife : IDecayFactor
    {
        public static bool Decays => true;

        public static double Of(double rate, CompiledDecay? decay, long age) => HalfLifeFactor.Of(age * rate);
    }

    private readonly struct Linear : IDecayFactor
    {
        public static bool Decays => true;

        public static double Of(double rate, CompiledDecay? decay, long age) => CompiledDecay.LinearFactor(age, rate);
    }

    private readonly struct AnyDecay : IDecayFactor
    {
        public static bool Decays => true;

        // Only ever given the plan's decay: the compiled code passes null to the kinds with a formula of their own.
        public static double Of(double rate, CompiledDecay? decay, long age) => decay!.Factor(age);
    }

    /// <summary>Bit <c>i</c> set where <c>codes[i] == code</c>, for the <see cref="Chunk"/> codes from <paramref name="first"/>.</summary>
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
        else if (ages.Length <= SmallSort)
        {
            // A few ages (the usual case): sorted in place without the general sort's dispatch.
            for (var i = 1; i < ages.Length; i++)
            {
                var age = ages[i];
                var j = i - 1;
                for (; j >= 0 && ages[j] > age; j--)
                {
                    ages[j + 1] = ages[j];
                }

                ages[j + 1] = age;
            }
        }
        else
        {
            ages.Sort();
        }

        return ages[..most];
    }
}
