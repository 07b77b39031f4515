using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Rules;

namespace LeadKit.Learning.Scorecards;

/// <summary>
/// An explainable points model learned from won / lost history: base points plus integer points per condition, scaled
/// the way credit scorecards are (see <see cref="ScorecardScaling"/>). Created by <see cref="ScorecardTrainer"/>.
/// </summary>
/// <remarks>
/// <para>A lead scores <c>BasePoints + Σ Points of the conditions it meets</c>; fit conditions add to
/// <see cref="LeadScore.Fit"/> (which also holds the base points), engagement conditions to <see cref="LeadScore.Engagement"/>.
/// With <c>Factor</c> and <c>Offset</c> from the scaling, <c>BasePoints = round(Offset + Factor · β₀)</c> and
/// <c>Points = round(Factor · βⱼ)</c>, so the score is the model's log-odds on the points scale, up to rounding.</para>
/// <para>Immutable and thread-safe when the conditions' predicates are. Scoring does not allocate. Where the runtime
/// compiles dynamic code (not in ahead-of-time compiled applications), the scorecard is compiled once, when it is
/// created, into straight-line code with one test per condition, so it scores as fast as a hand-written scorer;
/// elsewhere it loops over pre-built arrays. Built-in conditions are compiled: every
/// <see cref="LeadCondition.SignalPresent"/> condition is answered from one pass over the lead's signals (a bit mask
/// by signal ordinal), named-value conditions (seniority, timeframe, BANT) by a bit mask, text equality (source,
/// industry, country, ...) by one ordinal ignore-case comparison, number ranges by two comparisons, each field read
/// once per lead (through <see cref="LeadFields"/>) for all its conditions; other attribute conditions by their
/// compiled form (<see cref="AttributeCondition.Matches"/>); application predicates are called as given. Each fast form
/// is the reference semantics of <see cref="FieldCondition.Matches"/> for the operators it takes, so the scorecard
/// scores every lead like the rule set <see cref="ToRuleSetJson"/> writes.</para>
/// </remarks>
public sealed partial class LearnedScorecard : ILeadScorer
{
    // How each condition is tested: the predicate, a signal-presence bit, a text field's equality, a compiled
    // attribute condition, a number range on a field, or a named-value mask on a field.
    private const byte ByPredicate = 0;
    private const byte BySignal = 1;
    private const byte ByText = 2;
    private const byte ByAttribute = 3;
    private const byte ByNumberRange = 4;
    private const byte ByNamedMask = 5;
    private const int MaximumSignalSlots = 64;

    private readonly Func<Lead, DateTimeOffset, bool>[] _predicates;
    private readonly AttributeCondition?[] _attributes;
    private readonly int[] _points;
    private readonly bool[] _isEngagement;
    private readonly double[] _coefficients;
    private readonly byte[] _how;
    private readonly int[] _operand;
    private readonly bool[] _wanted;
    private readonly ulong[] _signalBitByOrdinal;

    // The kinds of the signal-presence conditions in slot order: registered when the scorecard is built, so a lead's
    // kinds are found by ordinal.
    private readonly VocabularyIndex<EngagementSignalKind> _signalKinds;

    // The same conditions grouped by how they are tested, so ScoreFromTables and the compiled scorer have no switch and
    // no per-condition call except for application predicates. Points are integers, so summing them group by group gives the same total.
    private readonly CompiledTest[] _signalTests;
    private readonly CompiledTest[] _attributeTests;

    // Text, number-range and named-value tests, sorted by field, with the runs of tests on one field: the field is read
    // once for all of them.
    private readonly CompiledTest[] _textTests;
    private readonly FieldRun[] _textRuns;
    private readonly CompiledTest[] _numberTests;
    private readonly FieldRun[] _numberRuns;
    private readonly CompiledTest[] _namedTests;
    private readonly FieldRun[] _namedRuns;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly ulong[] _mask;
    private readonly CompiledTest[] _predicateTests;
    private readonly string?[] _text;
    private readonly Func<Lead, DateTimeOffset, LeadScore>? _compiledScore;

    internal LearnedScorecard(ImmutableArray<ScorecardEntry> entries, double intercept, ScorecardScaling scaling, int iterations, int trainingCount)
    {
        Entries = entries;
        Intercept = intercept;
        Scaling = scaling;
        Iterations = iterations;
        TrainingCount = trainingCount;
        BasePoints = RoundPoints(scaling.Offset + (scaling.Factor * intercept));
        _predicates = new Func<Lead, DateTimeOffset, bool>[entries.Length];
        _attributes = new AttributeCondition?[entries.Length];
        _points = new int[entries.Length];
        _isEngagement = new bool[entries.Length];
        _coefficients = new double[entries.Length];
        _how = new byte[entries.Length];
        _operand = new int[entries.Length];
        _wanted = new bool[entries.Length];
        _text = new string?[entries.Length];
        _low = new double[entries.Length];
        _high = new double[entries.Length];
        _mask = new ulong[entries.Length];
        var slots = new List<EngagementSignalKind>();
        for (var i = 0; i < entries.Length; i++)
        {
            var condition = entries[i].Condition;
            _predicates[i] = condition.Predicate;
            _points[i] = entries[i].Points;
            _isEngagement[i] = condition.Dimension == ScoreDimension.Engagement;
            _coefficients[i] = entries[i].Coefficient;
            Compile(i, condition, slots);
        }

        _signalKinds = new VocabularyIndex<EngagementSignalKind>(slots);

        // One entry per registered ordinal up to the largest asked about, plus a trailing 0 that larger ordinals (and -1,
        // unregistered) are clamped to.
        var maxOrdinal = -1;
        foreach (var kind in slots)
        {
            maxOrdinal = Math.Max(maxOrdinal, kind.Ordinal);
        }

        _signalBitByOrdinal = slots.Count == 0 ? [] : new ulong[maxOrdinal + 2];
        for (var slot = 0; slot < _signalKinds.Count; slot++)
        {
            if (_signalKinds[slot].Ordinal > 0)
            {
                _signalBitByOrdinal[_signalKinds[slot].Ordinal] = 1UL << slot;
            }
        }

        var tests = new CompiledTest[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            tests[i] = new CompiledTest(_operand[i], _points[i], _wanted[i], _isEngagement[i], i);
        }

        CompiledTest[] Tested(byte how) => [.. tests.Where(t => _how[t.Index] == how)];
        _signalTests = Tested(BySignal);
        _attributeTests = Tested(ByAttribute);
        _predicateTests = Tested(ByPredicate);
        (_textTests, _textRuns) = ByField(Tested(ByText));
        (_numberTests, _numberRuns) = ByField(Tested(ByNumberRange));
        (_namedTests, _namedRuns) = ByField(Tested(ByNamedMask));
        _compiledScore = CompileScore();
    }

    /// <summary>Gets the conditions with their coefficients and points, in the order they were given.</summary>
    public ImmutableArray<ScorecardEntry> Entries { get; }

    /// <summary>Gets the fitted intercept β₀ (log-odds of a lead that meets no condition).</summary>
    public double Intercept { get; }

    /// <summary>Gets the points every lead starts with: <c>round(Offset + Factor · β₀)</c>.</summary>
    public int BasePoints { get; }

    /// <summary>Gets the scaling that turned coefficients into points.</summary>
    public ScorecardScaling Scaling { get; }

    /// <summary>Gets the Newton iterations the fit took.</summary>
    public int Iterations { get; }

    /// <summary>Gets the number of leads the scorecard was trained on.</summary>
    public int TrainingCount { get; }

    /// <summary>Scores a lead: base points plus the points of every condition it meets.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the lead is read as of.</param>
    /// <returns>The score; <c>Total = Fit + Engagement</c>.</returns>
    public LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return _compiledScore is { } compiled ? compiled(lead, asOf) : ScoreFromTables(lead, asOf);
    }

    /// <summary>Gets a value indicating whether <see cref="Score"/> runs the compiled straight-line scorer.</summary>
    internal bool IsCompiled => _compiledScore is not null;

    /// <summary>Scores from the condition tables: the fallback when dynamic code is not compiled, and the tests' reference.</summary>
    internal LeadScore ScoreFromTables(Lead lead, DateTimeOffset asOf)
    {
        var fit = BasePoints;
        var engagement = 0;
        if (_signalTests.Length > 0)
        {
            var signals = SignalMask(lead, asOf);
            foreach (ref readonly var test in _signalTests.AsSpan())
            {
                if ((((signals >> test.Operand) & 1) != 0) == test.Wanted)
                {
                    Add(in test, ref fit, ref engagement);
                }
            }
        }

        var textTests = _textTests;
        foreach (var run in _textRuns)
        {
            var text = LeadFields.ReadText(lead, run.Field);
            foreach (ref readonly var test in textTests.AsSpan(run.Start, run.Length))
            {
                if (string.Equals(text, _text[test.Index], StringComparison.OrdinalIgnoreCase))
                {
                    Add(in test, ref fit, ref engagement);
                }
            }
        }

        var numberTests = _numberTests;
        foreach (var run in _numberRuns)
        {
            if (LeadFields.TryReadNumber(lead, run.Field, out var number))
            {
                foreach (ref readonly var test in numberTests.AsSpan(run.Start, run.Length))
                {
                    if (number >= _low[test.Index] && number <= _high[test.Index])
                    {
                        Add(in test, ref fit, ref engagement);
                    }
                }
            }
        }

        var namedTests = _namedTests;
        foreach (var run in _namedRuns)
        {
            var named = LeadFields.ReadNamed(lead, run.Field);
            foreach (ref readonly var test in namedTests.AsSpan(run.Start, run.Length))
            {
                if (IsIn(named, _mask[test.Index]) == test.Wanted)
                {
                    Add(in test, ref fit, ref engagement);
                }
            }
        }

        var attributes = _attributes;
        foreach (ref readonly var test in _attributeTests.AsSpan())
        {
            if (attributes[test.Index]!.Matches(lead))
            {
                Add(in test, ref fit, ref engagement);
            }
        }

        var predicates = _predicates;
        foreach (ref readonly var test in _predicateTests.AsSpan())
        {
            if (predicates[test.Index](lead, asOf))
            {
                Add(in test, ref fit, ref engagement);
            }
        }

        return new LeadScore(fit, engagement, fit + engagement);
    }

    /// <summary>Predicts the probability of winning from the unrounded coefficients: <c>1 / (1 + e^−(β₀ + Σ βⱼ))</c>.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the lead is read as of.</param>
    /// <returns>The probability.</returns>
    public double Probability(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var logOdds = Intercept;
        var signals = SignalMask(lead, asOf);
        for (var i = 0; i < _predicates.Length; i++)
        {
            if (IsMet(i, lead, asOf, signals))
            {
                logOdds += _coefficients[i];
            }
        }

        return 1 / (1 + Math.Exp(-logOdds));
    }

    /// <summary>Lists the conditions a lead meets, with their points: the explanation of its score.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the lead is read as of.</param>
    /// <returns>The entries whose condition holds, in scorecard order.</returns>
    public ImmutableArray<ScorecardEntry> Explain(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var met = ImmutableArray.CreateBuilder<ScorecardEntry>();
        var signals = SignalMask(lead, asOf);
        for (var i = 0; i < _predicates.Length; i++)
        {
            if (IsMet(i, lead, asOf, signals))
            {
                met.Add(Entries[i]);
            }
        }

        return met.ToImmutable();
    }

    private static void Add(in CompiledTest test, ref int fit, ref int engagement)
    {
        if (test.Engagement)
        {
            engagement += test.Points;
        }
        else
        {
            fit += test.Points;
        }
    }

    /// <summary>
    /// Writes the scorecard as a LeadKit JSON rule set (the format of <c>docs/scoring-rules.md</c>), so the learned model can
    /// be saved, reviewed, edited and loaded like a hand-written one.
    /// </summary>
    /// <param name="name">The rule set's name.</param>
    /// <returns>The JSON text: a base-points attribute rule, an attribute rule per feature-value condition and a signal
    /// rule (one occurrence, no decay) per signal condition, each with the scorecard's points.</returns>
    /// <exception cref="InvalidOperationException">A condition was built from an application predicate
    /// (<see cref="LeadCondition.Create"/>), which has no JSON form; the message names every such condition.</exception>
    public string ToRuleSetJson(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return RuleSetJsonWriter.Write(this, name);
    }

    /// <summary>Whether a named value's bit is set in a mask (named values are dense enum values from 0, fewer than 64).</summary>
    internal static bool IsIn(int named, ulong mask) => (uint)named < 64 && ((mask >> named) & 1) != 0;

    /// <summary>One pass over the signals marks every kind a signal-presence condition asks about (at or before <paramref name="asOf"/>).</summary>
    private ulong SignalMask(Lead lead, DateTimeOffset asOf)
    {
        var bits = _signalBitByOrdinal;
        if (bits.Length == 0)
        {
            return 0;
        }

        // No branch per signal (its kind and time are unpredictable): the kind's bit, or 0 for kinds not asked about,
        // kept only when the signal is at or before the moment (asOf - at is then not negative).
        ulong mask = 0;
        var asOfTicks = asOf.UtcTicks;
        var last = (uint)bits.Length - 1;
        var allRegistered = _signalKinds.AllRegistered;
        foreach (ref readonly var signal in lead.Signals.AsSpan())
        {
            var ordinal = signal.KindOrdinal;
            var bit = bits[Math.Min((uint)ordinal, last)];
            if (ordinal < 0 && !allRegistered)
            {
                // A kind the full registry could not register: found by name (never taken while the registry has room).
                var slot = _signalKinds.IndexOf(signal.Kind);
                bit = slot < 0 ? 0 : 1UL << slot;
            }

            mask |= bit & ~(ulong)((asOfTicks - signal.OccurredAtUtcTicks) >> 63);
        }

        return mask;
    }

    private bool IsMet(int i, Lead lead, DateTimeOffset asOf, ulong signals) => _how[i] switch
    {
        BySignal => (((signals >> _operand[i]) & 1) != 0) == _wanted[i],
        ByText => string.Equals(LeadFields.ReadText(lead, (LeadField)_operand[i]), _text[i], StringComparison.OrdinalIgnoreCase),
        ByNumberRange => LeadFields.TryReadNumber(lead, (LeadField)_operand[i], out var number) && number >= _low[i] && number <= _high[i],
        ByNamedMask => IsIn(LeadFields.ReadNamed(lead, (LeadField)_operand[i]), _mask[i]) == _wanted[i],
        ByAttribute => _attributes[i]!.Matches(lead),
        _ => _predicates[i](lead, asOf),
    };

    /// <summary>
    /// Turns the built-in conditions into integer tests: a signal-presence condition becomes a bit of a mask filled in one
    /// pass over the signals; a leaf attribute condition on a built-in field a text equality, a number range or a
    /// named-value mask (<see cref="FieldTests"/>); any other attribute condition its compiled form. Application
    /// predicates keep their predicate.
    /// </summary>
    private void Compile(int i, LeadCondition condition, List<EngagementSignalKind> slots)
    {
        if (condition.Attribute is { } attribute)
        {
            _attributes[i] = attribute;
            _how[i] = ByAttribute;
            var definition = attribute.Definition;
            if (FieldTests.TryGetText(definition, out var textField, out _text[i]))
            {
                _how[i] = ByText;
                _operand[i] = (int)textField;
            }
            else if (FieldTests.TryGetNumberRange(definition, out var numberField, out _low[i], out _high[i]))
            {
                _how[i] = ByNumberRange;
                _operand[i] = (int)numberField;
            }
            else if (FieldTests.TryGetNamedMask(definition, out var namedField, out _mask[i], out var negate))
            {
                _how[i] = ByNamedMask;
                _operand[i] = (int)namedField;
                _wanted[i] = !negate;
            }

            return;
        }

        if (!condition.IsSignal)
        {
            return;
        }

        var kind = condition.Feature!.SignalKind;
        var slot = slots.IndexOf(kind);
        if (slot < 0)
        {
            if (slots.Count == MaximumSignalSlots)
            {
                // More kinds than the mask has bits: the rest keep their predicate.
                return;
            }

            slot = slots.Count;
            slots.Add(kind);
        }

        _how[i] = BySignal;
        _operand[i] = slot;
        _wanted[i] = condition.WantsSignal;
    }

    internal static int RoundPoints(double value) => checked((int)Math.Round(value, MidpointRounding.AwayFromZero));

    /// <summary>Sorts tests by field (<see cref="CompiledTest.Operand"/>), keeping their order within a field, and lists the runs.</summary>
    private static (CompiledTest[] Tests, FieldRun[] Runs) ByField(IEnumerable<CompiledTest> tests)
    {
        CompiledTest[] sorted = [.. tests.OrderBy(t => t.Operand)];
        var runs = new List<FieldRun>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end < sorted.Length && sorted[end].Operand == sorted[start].Operand)
            {
                end++;
            }

            runs.Add(new FieldRun((LeadField)sorted[start].Operand, start, end - start));
            start = end;
        }

        return (sorted, [.. runs]);
    }

    /// <summary>A run of tests on one field.</summary>
    private readonly record struct FieldRun(LeadField Field, int Start, int Length);

    /// <summary>One compiled condition: its operand (signal slot or field), points, dimension and index.</summary>
    private readonly record struct CompiledTest(int Operand, int Points, bool Wanted, bool Engagement, int Index);
}
