using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Diagnostics;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Model;

/// <summary>
/// A compiled scoring model: immutable and thread-safe; share one instance. <see cref="Score(Lead, DateTimeOffset)"/>
/// allocates nothing; <see cref="Explain(Lead, DateTimeOffset)"/> allocates only its result.
/// </summary>
/// <remarks>
/// <para>Formula, for each dimension <c>d</c>:</para>
/// <para><c>groupPoints(g) = clip_g(Σ points(r) for r in g)</c>;
/// <c>d = clip_d(Σ groupPoints(g) for groups of d + Σ points(r) for ungrouped rules of d)</c>;
/// <c>total = clip_total(fit + engagement)</c>, where <c>clip</c> applies the optional floor then cap.</para>
/// <para>Evaluation: signal and inactivity rules share one pass over the lead's signals; the other built-in rules
/// (attribute, source, e-mail domain) are evaluated from their compiled conditions; plugin rules are called through
/// <see cref="IScoringRule.Evaluate"/>, each guarded: a plugin rule that throws or returns a non-finite number makes the
/// call throw a <see cref="ScoringException"/> naming the rule. Every path gives exactly the points the rule's own
/// <c>Evaluate</c> gives.</para>
/// <para>Where the runtime compiles dynamic code, a model that has given 1,024 scores compiles its attribute, source and
/// e-mail domain rules, its signal rules' points from their signals, and its sums and limits into straight-line code, in
/// the background (a few milliseconds of one pool thread, once per model), and then runs that code. Until then, and in
/// ahead-of-time compiled applications, it scores from its tables. Both give the same result, bit for bit, so
/// <c>Build()</c> stays fast and a model built for a few leads never pays for compiling. (The one score that starts the
/// compiling queues it: one small allocation in the model's life.)</para>
/// </remarks>
public sealed partial class ScoringModel : ILeadScorer
{
    private readonly RuleEntry[] _rules;

    // Built-in rules are evaluated from their compiled parts (they cannot fail on a valid lead); plugin rules through
    // the interface, guarded. Each array pairs with the rule slots (rule indexes) it writes.
    private readonly CompiledCondition[] _attributeConditions;
    private readonly double[] _attributePoints;
    private readonly int[] _attributeSlots;
    private readonly double[][] _sourcePoints;

    // The sources of the model's source rules, registered when it was built: a lead's source is found by ordinal.
    private readonly VocabularyIndex<LeadSource> _sources;

    // Null in the usual model, whose kind-to-code map is indexed by the kinds' process-wide ordinals; the model's kinds,
    // numbered by the model, when the full registry could not register them all.
    private readonly VocabularyIndex<EngagementSignalKind>? _localKinds;
    private readonly int[] _sourceSlots;
    private readonly EmailDomainRule[] _emailRules;
    private readonly int[] _emailSlots;

    // The compiled forms (ScoringModel.Compiled.cs): null until the model compiles them in the background, once it has
    // given ScoresBeforeCompiling scores (see CountTowardsCompiling), and always where the runtime does not compile
    // dynamic code; the tables give the same points meanwhile. Published with Volatile.Write, read with Volatile.Read.
    private BuiltInRules? _builtInRules;
    private Totals? _totals;
    private SignalPoints? _signalPoints;

    // Scores left before compiling; 0 or less once started, or when the runtime does not compile dynamic code.
    private int _scoresBeforeCompiling;
    private readonly IScoringRule[] _pluginRules;
    private readonly int[] _pluginSlots;

    // Inactivity rules read the youngest signal, which the signal pass finds anyway.
    private readonly long[] _inactivityTicks;
    private readonly double[] _inactivityPoints;
    private readonly int[] _inactivitySlots;

    private readonly SignalPlan[] _plans;

    // The plans reduced to what the signal pass reads (ScoringModel.Signals.cs).
    private readonly FinishPlan[] _finishPlans;

    // Signal kind ordinal -> (window, plan code), in layers: each layer maps a kind to at most one plan (NoPlan when
    // none), and each plan is in one layer. Most models have one layer; a kind counted by several rules adds one. The
    // last entry of each layer stands for every larger ordinal (kinds no rule scores).
    private readonly KindCode[][] _kindCodeLayers;

    // Rule index -> its signal plan's index, or -1.
    private readonly int[] _planOfRule;

    // Rule indices grouped by target (groups, then fit, then engagement), in rule order within a target: the rules
    // of target t are _targetRules[_targetStart[t].._targetStart[t + 1]].
    private readonly int[] _targetRules;
    private readonly int[] _targetStart;
    private readonly ScoringGroup[] _groups;
    private readonly int[] _groupDimension;
    private readonly double[] _groupFloor;
    private readonly double[] _groupCap;
    private readonly ScoreLimits _fit;
    private readonly ScoreLimits _engagement;
    private readonly ScoreLimits _total;

    // The limits as numbers (no floor: -∞, no cap: +∞), for the Score path.
    private readonly double _fitFloor;
    private readonly double _fitCap;
    private readonly double _engagementFloor;
    private readonly double _engagementCap;
    private readonly double _totalFloor;
    private readonly double _totalCap;
    private readonly TimeProvider _timeProvider;
    private readonly KeyValuePair<string, object?> _modelTag;

    internal ScoringModel(string name, TimeProvider timeProvider, RuleEntry[] rules, ScoringGroup[] groups, ScoreLimits fit, ScoreLimits engagement, ScoreLimits total, VocabularyIndex<LeadSource> sources, VocabularyIndex<EngagementSignalKind>? localKinds)
    {
        _sources = sources;
        _localKinds = localKinds;
        Name = name;
        _timeProvider = timeProvider;
        _rules = rules;
        _groups = groups;
        _fit = fit;
        _engagement = engagement;
        _total = total;
        (_fitFloor, _fitCap) = (fit.Floor ?? double.NegativeInfinity, fit.Cap ?? double.PositiveInfinity);
        (_engagementFloor, _engagementCap) = (engagement.Floor ?? double.NegativeInfinity, engagement.Cap ?? double.PositiveInfinity);
        (_totalFloor, _totalCap) = (total.Floor ?? double.NegativeInfinity, total.Cap ?? double.PositiveInfinity);
        _modelTag = new("leadkit.model", name);

        var attributeRules = new List<AttributeRule>();
        var attributeSlots = new List<int>();
        var sourceRules = new List<LeadSourceRule>();
        var sourceSlots = new List<int>();
        var emailRules = new List<EmailDomainRule>();
        var emailSlots = new List<int>();
        var pluginRules = new List<IScoringRule>();
        var pluginSlots = new List<int>();
        var inactivityTicks = new List<long>();
        var inactivityPoints = new List<double>();
        var inactivitySlots = new List<int>();
        var plans = new List<SignalPlan>();
        var ruleTarget = new int[rules.Length];
        _planOfRule = new int[rules.Length];
        _targetStart = new int[groups.Length + 3];
        var maxOrdinal = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];

            // Targets: groups are 0..G-1, then fit = G, engagement = G + 1.
            ruleTarget[i] = rule.GroupIndex >= 0 ? rule.GroupIndex : groups.Length + (int)rule.Dimension;
            _targetStart[ruleTarget[i] + 1]++;
            _planOfRule[i] = rule.Plan is null ? -1 : plans.Count;
            if (rule.Plan is { } plan)
            {
                plans.Add(plan);
                foreach (var ordinal in plan.KindSlots)
                {
                    maxOrdinal = Math.Max(maxOrdinal, ordinal);
                }
            }
            else
            {
                switch (rule.Rule)
                {
                    case AttributeRule attribute:
                        attributeRules.Add(attribute);
                        attributeSlots.Add(i);
                        break;
                    case LeadSourceRule source:
                        sourceRules.Add(source);
                        sourceSlots.Add(i);
                        break;
                    case EmailDomainRule email:
                        emailRules.Add(email);
                        emailSlots.Add(i);
                        break;
                    case InactivityRule inactivity:
                        inactivityTicks.Add(inactivity.After.Ticks);
                        inactivityPoints.Add(inactivity.Points);
                        inactivitySlots.Add(i);
                        break;
                    default:
                        pluginRules.Add(rule.Rule);
                        pluginSlots.Add(i);
                        break;
                }
            }
        }

        for (var t = 1; t < _targetStart.Length; t++)
        {
            _targetStart[t] += _targetStart[t - 1];
        }

        _targetRules = new int[rules.Length];
        var filled = new int[groups.Length + 2];
        for (var i = 0; i < rules.Length; i++)
        {
            var t = ruleTarget[i];
            _targetRules[_targetStart[t] + filled[t]++] = i;
        }

        _attributeConditions = [.. attributeRules.Select(r => r.Condition.Compiled)];
        _attributePoints = [.. attributeRules.Select(r => r.Points)];
        _attributeSlots = [.. attributeSlots];
        _sourcePoints = [.. sourceRules.Select(r => r.PointsBy(sources))];
        _sourceSlots = [.. sourceSlots];
        _emailRules = [.. emailRules];
        _emailSlots = [.. emailSlots];
        _pluginRules = [.. pluginRules];
        _pluginSlots = [.. pluginSlots];
        _inactivityTicks = [.. inactivityTicks];
        _inactivityPoints = [.. inactivityPoints];
        _inactivitySlots = [.. inactivitySlots];
        _plans = [.. plans];
        (_kindCodeLayers, _finishPlans) = BuildLayers(_plans, maxOrdinal);

        _groupDimension = new int[groups.Length];
        _groupFloor = new double[groups.Length];
        _groupCap = new double[groups.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            _groupDimension[g] = (int)groups[g].Dimension;
            _groupFloor[g] = groups[g].Limits.Floor ?? double.NegativeInfinity;
            _groupCap[g] = groups[g].Limits.Cap ?? double.PositiveInfinity;
        }

        RuleNames = [.. Array.ConvertAll(rules, r => r.Name)];
        _scoresBeforeCompiling = RuntimeFeature.IsDynamicCodeCompiled ? ScoresBeforeCompiling : 0;
    }

    /// <summary>Gets the model's name.</summary>
    public string Name { get; }

    /// <summary>Gets the names of the model's rules, in evaluation order.</summary>
    public ImmutableArray<string> RuleNames { get; }

    /// <summary>Gets the groups.</summary>
    public ImmutableArray<ScoringGroup> Groups => [.. _groups];

    /// <summary>Scores a lead as of now (from the model's <see cref="TimeProvider"/>).</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ScoringException">A rule failed.</exception>
    public LeadScore Score(Lead lead) => Score(lead, _timeProvider.GetUtcNow());

    /// <inheritdoc />
    /// <exception cref="ScoringException">A rule failed.</exception>
    public LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        var score = ScoreCore(lead, asOf);
        if (ScoringMetrics.LeadsScored.Enabled)
        {
            ScoringMetrics.LeadsScored.Add(1, _modelTag);
        }

        return score;
    }

    /// <summary>Scores many leads as of one moment, on the calling thread, writing <c>destination[i]</c> for <c>leads[i]</c>.</summary>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The moment.</param>
    /// <param name="destination">Where the scores go; at least as long as <paramref name="leads"/>.</param>
    /// <exception cref="ScoringException">A rule failed.</exception>
    public void ScoreBatch(ReadOnlySpan<Lead> leads, DateTimeOffset asOf, Span<LeadScore> destination)
    {
        if (destination.Length < leads.Length)
        {
            throw new ArgumentException($"destination must hold at least {leads.Length} scores (was {destination.Length}).", nameof(destination));
        }

        // The next lead's object two leads ahead, its parts one lead ahead (they are found through the object).
        for (var i = 0; i < leads.Length; i++)
        {
            if (i + 2 < leads.Length)
            {
                LeadPrefetch.Lead(leads[i + 2]);
            }

            if (i + 1 < leads.Length && leads[i + 1] is { } next)
            {
                LeadPrefetch.Parts(next);
            }

            destination[i] = ScoreCore(leads[i], asOf);
        }

        if (ScoringMetrics.LeadsScored.Enabled)
        {
            ScoringMetrics.LeadsScored.Add(leads.Length, _modelTag);
        }
    }

    /// <summary>
    /// Scores many leads as of one moment on up to <paramref name="maxDegreeOfParallelism"/> threads, in contiguous
    /// chunks; the result equals <see cref="ScoreBatch"/>.
    /// </summary>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The moment.</param>
    /// <param name="destination">Where the scores go; at least as long as <paramref name="leads"/>.</param>
    /// <param name="maxDegreeOfParallelism">The number of threads; defaults to the processor count.</param>
    /// <exception cref="AggregateException">Wrapping the <see cref="ScoringException"/> of a failed rule.</exception>
    public void ScoreParallel(Lead[] leads, DateTimeOffset asOf, LeadScore[] destination, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Length < leads.Length)
        {
            throw new ArgumentException($"destination must hold at least {leads.Length} scores (was {destination.Length}).", nameof(destination));
        }

        var workers = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var chunk = Math.Max(1024, (leads.Length + (workers * 4) - 1) / (workers * 4));
        var chunks = (leads.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = workers }, c =>
        {
            var start = c * chunk;
            var length = Math.Min(chunk, leads.Length - start);
            ScoreBatch(leads.AsSpan(start, length), asOf, destination.AsSpan(start, length));
        });
    }

    /// <summary>Scores a lead and explains every point. Allocates only the result.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment.</param>
    /// <returns>The score card; its <see cref="ScoreCard.Score"/> equals <see cref="Score(Lead, DateTimeOffset)"/>.</returns>
    /// <exception cref="ScoringException">A rule failed.</exception>
    public ScoreCard Explain(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        // Scratch space on the stack: the card is the only allocation besides its lists.
        Span<double> points = _rules.Length <= 256 ? stackalloc double[_rules.Length] : new double[_rules.Length];
        // At least one entry, so the contributing-rule test below can read occurrences[0] for rules without a plan.
        Span<int> occurrences = _plans.Length < 256 ? stackalloc int[_plans.Length + 1] : new int[_plans.Length + 1];
        Evaluate(lead, asOf, points, occurrences);
        Span<double> targets = _groups.Length <= 254 ? stackalloc double[_groups.Length + 2] : new double[_groups.Length + 2];
        SumTargets(points, targets);

        var groups = new LimitContribution[_groups.Length];
        double fit = targets[_groups.Length], engagement = targets[_groups.Length + 1];
        for (var g = 0; g < _groups.Length; g++)
        {
            var clipped = Clip(targets[g], _groupFloor[g], _groupCap[g]);
            groups[g] = new LimitContribution(_groups[g].Name, targets[g], _groups[g].Limits, clipped);
            if (_groupDimension[g] == 0)
            {
                fit += clipped;
            }
            else
            {
                engagement += clipped;
            }
        }

        var fitFinal = _fit.Apply(fit);
        var engagementFinal = _engagement.Apply(engagement);
        var total = _total.Apply(fitFinal + engagementFinal);

        // The contributing rules (points, or occurrences of a signal rule), listed without branching on each rule, so the
        // result array is allocated once at its final size.
        Span<int> contributing = _rules.Length <= 256 ? stackalloc int[_rules.Length] : new int[_rules.Length];
        var n = 0;
        for (var r = 0; r < _rules.Length; r++)
        {
            var p = _planOfRule[r];
            contributing[n] = r;
            n += (points[r] != 0) | ((p >= 0) & (occurrences[Math.Max(p, 0)] > 0)) ? 1 : 0;
        }

        var rules = new RuleContribution[n];
        for (var i = 0; i < n; i++)
        {
            var r = contributing[i];
            var entry = _rules[r];
            var group = entry.GroupIndex >= 0 ? _groups[entry.GroupIndex].Name : null;
            if (entry.Plan is { } plan)
            {
                var count = occurrences[_planOfRule[r]];
                var counted = plan.Counted(count);
                rules[i] = new RuleContribution(entry.Name, entry.Dimension, group, count, counted, plan.PointsPerOccurrence * count, plan.PointsPerOccurrence * counted, points[r]);
            }
            else
            {
                rules[i] = new RuleContribution(entry.Name, entry.Dimension, group, null, null, points[r], points[r], points[r]);
            }
        }

        return new ScoreCard
        {
            ModelName = Name,
            AsOf = asOf,
            Score = new LeadScore(fitFinal, engagementFinal, total),
            Rules = ImmutableCollectionsMarshal.AsImmutableArray(rules),
            Groups = ImmutableCollectionsMarshal.AsImmutableArray(groups),
            Fit = new LimitContribution("fit", fit, _fit, fitFinal),
            Engagement = new LimitContribution("engagement", engagement, _engagement, engagementFinal),
            Total = new LimitContribution("total", fitFinal + engagementFinal, _total, total),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"ScoringModel '{Name}' ({_rules.Length} rules, {_groups.Length} groups)";

    /// <summary>
    /// <c>targets[t] = Σ points[r]</c> over the rules of target t. Summed in registers per target:
    /// adding each rule's points into <c>targets[t]</c> in memory chains every addition through a store and a load.
    /// </summary>
    private void SumTargets(ReadOnlySpan<double> points, Span<double> targets)
    {
        var rules = _targetRules;
        var start = _targetStart;
        for (var t = 0; t < targets.Length; t++)
        {
            // Two partial sums halve the chain of dependent additions.
            double even = 0, odd = 0;
            var k = start[t];
            var end = start[t + 1];
            for (; k + 1 < end; k += 2)
            {
                even += points[rules[k]];
                odd += points[rules[k + 1]];
            }

            if (k < end)
            {
                even += points[rules[k]];
            }

            targets[t] = even + odd;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Clip(double value, double floor, double cap) => value < floor ? floor : value > cap ? cap : value;

    /// <summary>Scores with the built-in rules read from their tables, never from their compiled form: the tests' reference.</summary>
    internal LeadScore ScoreFromTables(Lead lead, DateTimeOffset asOf) => ScoreCore(lead, asOf, compiled: false);

    /// <summary>Gets a value indicating whether the built-in rules run as compiled straight-line code.</summary>
    internal bool HasCompiledRules => Volatile.Read(ref _builtInRules) is not null;

    // Every rule writes its points, every plan its occurrences and SumTargets every target, so the scratch spans need no
    // clearing.
    [SkipLocalsInit]
    private LeadScore ScoreCore(Lead lead, DateTimeOffset asOf, bool compiled = true)
    {
        ArgumentNullException.ThrowIfNull(lead);
        Span<double> points = _rules.Length <= 256 ? stackalloc double[_rules.Length] : new double[_rules.Length];
        Span<int> occurrences = _plans.Length <= 256 ? stackalloc int[_plans.Length] : new int[_plans.Length];
        Evaluate(lead, asOf, points, occurrences, compiled);
        if (compiled && Volatile.Read(ref _totals) is { } totals)
        {
            return totals(ref MemoryMarshal.GetReference(points));
        }

        var groupCount = _groups.Length;
        Span<double> targets = groupCount <= 254 ? stackalloc double[groupCount + 2] : new double[groupCount + 2];
        SumTargets(points, targets);

        double fit = targets[groupCount], engagement = targets[groupCount + 1];
        for (var g = 0; g < groupCount; g++)
        {
            var clipped = Clip(targets[g], _groupFloor[g], _groupCap[g]);
            if (_groupDimension[g] == 0)
            {
                fit += clipped;
            }
            else
            {
                engagement += clipped;
            }
        }

        fit = Clip(fit, _fitFloor, _fitCap);
        engagement = Clip(engagement, _engagementFloor, _engagementCap);
        return new LeadScore(fit, engagement, Clip(fit + engagement, _totalFloor, _totalCap));
    }

    private void Evaluate(Lead lead, DateTimeOffset asOf, Span<double> points, Span<int> occurrences, bool compiled = true)
    {
        if (compiled)
        {
            CountTowardsCompiling();
        }

        // Built-in rules read straight from their compiled parts (the rules are immutable), not through the rule objects:
        // as straight-line code when the model has it, otherwise from the tables.
        if (compiled && Volatile.Read(ref _builtInRules) is { } builtIn)
        {
            builtIn(lead, asOf, ref MemoryMarshal.GetReference(points));
        }
        else
        {
            EvaluateFromTables(lead, asOf, points);
        }

        for (var i = 0; i < _pluginRules.Length; i++)
        {
            double value;
            try
            {
                value = _pluginRules[i].Evaluate(lead, asOf);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw RuleFailed(_pluginSlots[i], ex);
            }

            if (!double.IsFinite(value))
            {
                throw RuleFailed(_pluginSlots[i], null);
            }

            points[_pluginSlots[i]] = value;
        }

        if (_plans.Length > 0 || _inactivityTicks.Length > 0)
        {
            EvaluateSignals(lead, asOf.UtcTicks, points, occurrences, compiled);
        }
    }

    private void EvaluateFromTables(Lead lead, DateTimeOffset asOf, Span<double> points)
    {
        var conditions = _attributeConditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            points[_attributeSlots[i]] = conditions[i].Matches(lead) ? _attributePoints[i] : 0;
        }

        var source = _sources.IndexOf(lead.Source);
        for (var i = 0; i < _sourcePoints.Length; i++)
        {
            points[_sourceSlots[i]] = PointsAt(_sourcePoints[i], source);
        }

        for (var i = 0; i < _emailRules.Length; i++)
        {
            points[_emailSlots[i]] = _emailRules[i].Evaluate(lead, asOf);
        }
    }

    private ScoringException RuleFailed(int slot, Exception? inner)
    {
        var name = _rules[slot].Name;
        ScoringMetrics.RuleFailures.Add(1, _modelTag, new KeyValuePair<string, object?>("leadkit.rule", name));
        var message = inner is null
            ? $"Scoring rule '{name}' of model '{Name}' returned a number that is not finite; the lead was not scored."
            : $"Scoring rule '{name}' of model '{Name}' threw {inner.GetType().Name}; the lead was not scored.";
        return new ScoringException(name, message, inner);
    }

    /// <summary>One rule of the model with what the compiler resolved for it.</summary>
    internal sealed record RuleEntry(IScoringRule Rule, string Name, ScoreDimension Dimension, int GroupIndex, SignalPlan? Plan);
}
