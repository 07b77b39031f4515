using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
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
/// <para>Signal rules are evaluated in one pass over the lead's signals; every other rule (built-in or plugin) through
/// <see cref="IScoringRule.Evaluate"/>. A rule that throws or returns a non-finite number makes the call throw a
/// <see cref="ScoringException"/> naming the rule.</para>
/// </remarks>
public sealed class ScoringModel : ILeadScorer
{
    private readonly RuleEntry[] _rules;
    private readonly IScoringRule[] _evaluated;
    private readonly int[] _evaluatedSlots;
    private readonly SignalPlan[] _plans;
    private readonly int[] _kindStart;
    private readonly int[] _kindPlans;
    private readonly long[] _planWindow;
    private readonly DecayKind[] _planDecayKind;
    private readonly double[] _planDecayRate;
    private readonly long[] _planDecayWindow;
    private readonly int[] _ruleTarget;
    private readonly ScoringGroup[] _groups;
    private readonly int[] _groupDimension;
    private readonly double[] _groupFloor;
    private readonly double[] _groupCap;
    private readonly ScoreLimits _fit;
    private readonly ScoreLimits _engagement;
    private readonly ScoreLimits _total;
    private readonly TimeProvider _timeProvider;
    private readonly KeyValuePair<string, object?> _modelTag;

    internal ScoringModel(string name, TimeProvider timeProvider, RuleEntry[] rules, ScoringGroup[] groups, ScoreLimits fit, ScoreLimits engagement, ScoreLimits total)
    {
        Name = name;
        _timeProvider = timeProvider;
        _rules = rules;
        _groups = groups;
        _fit = fit;
        _engagement = engagement;
        _total = total;
        _modelTag = new("leadkit.model", name);

        var evaluated = new List<IScoringRule>();
        var evaluatedSlots = new List<int>();
        var plans = new List<SignalPlan>();
        _ruleTarget = new int[rules.Length];
        var maxOrdinal = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];

            // Targets: groups are 0..G-1, then fit = G, engagement = G + 1.
            _ruleTarget[i] = rule.GroupIndex >= 0 ? rule.GroupIndex : groups.Length + (int)rule.Dimension;
            if (rule.Plan is { } plan)
            {
                plans.Add(plan);
                foreach (var ordinal in plan.KindOrdinals)
                {
                    maxOrdinal = Math.Max(maxOrdinal, ordinal);
                }
            }
            else
            {
                evaluated.Add(rule.Rule);
                evaluatedSlots.Add(i);
            }
        }

        _evaluated = [.. evaluated];
        _evaluatedSlots = [.. evaluatedSlots];
        _plans = [.. plans];
        _planWindow = new long[_plans.Length];
        _planDecayKind = new DecayKind[_plans.Length];
        _planDecayRate = new double[_plans.Length];
        _planDecayWindow = new long[_plans.Length];
        for (var p = 0; p < _plans.Length; p++)
        {
            _planWindow[p] = _plans[p].WindowTicks;
            _planDecayKind[p] = _plans[p].Decay.Kind;
            _planDecayRate[p] = _plans[p].Decay.Rate;
            _planDecayWindow[p] = _plans[p].Decay.WindowTicks;
        }

        // Signal kind ordinal -> plans, as a compressed row: plans of ordinal k are _kindPlans[_kindStart[k].._kindStart[k + 1]].
        _kindStart = new int[maxOrdinal + 2];
        var perKind = new List<int>[maxOrdinal + 1];
        for (var p = 0; p < _plans.Length; p++)
        {
            foreach (var ordinal in _plans[p].KindOrdinals)
            {
                (perKind[ordinal] ??= []).Add(p);
            }
        }

        var flat = new List<int>();
        for (var k = 0; k <= maxOrdinal; k++)
        {
            _kindStart[k] = flat.Count;
            if (perKind[k] is { } list)
            {
                flat.AddRange(list);
            }
        }

        _kindStart[maxOrdinal + 1] = flat.Count;
        _kindPlans = [.. flat];

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

        for (var i = 0; i < leads.Length; i++)
        {
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
        Span<int> occurrences = _plans.Length <= 256 ? stackalloc int[_plans.Length] : new int[_plans.Length];
        Evaluate(lead, asOf, points, occurrences);
        Span<double> targets = _groups.Length <= 254 ? stackalloc double[_groups.Length + 2] : new double[_groups.Length + 2];
        for (var r = 0; r < points.Length; r++)
        {
            targets[_ruleTarget[r]] += points[r];
        }

        var groups = ImmutableArray.CreateBuilder<LimitContribution>(_groups.Length);
        double fit = targets[_groups.Length], engagement = targets[_groups.Length + 1];
        for (var g = 0; g < _groups.Length; g++)
        {
            var clipped = Clip(targets[g], _groupFloor[g], _groupCap[g]);
            groups.Add(new LimitContribution(_groups[g].Name, targets[g], _groups[g].Limits, clipped));
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

        var rules = ImmutableArray.CreateBuilder<RuleContribution>();
        var planIndex = 0;
        for (var r = 0; r < _rules.Length; r++)
        {
            var entry = _rules[r];
            var group = entry.GroupIndex >= 0 ? _groups[entry.GroupIndex].Name : null;
            if (entry.Plan is { } plan)
            {
                var count = occurrences[planIndex++];
                var counted = plan.Counted(count);
                if (count > 0 || points[r] != 0)
                {
                    rules.Add(new RuleContribution(entry.Name, entry.Dimension, group, count, counted, plan.PointsPerOccurrence * count, plan.PointsPerOccurrence * counted, points[r]));
                }
            }
            else if (points[r] != 0)
            {
                rules.Add(new RuleContribution(entry.Name, entry.Dimension, group, null, null, points[r], points[r], points[r]));
            }
        }

        return new ScoreCard
        {
            ModelName = Name,
            AsOf = asOf,
            Score = new LeadScore(fitFinal, engagementFinal, total),
            Rules = rules.ToImmutable(),
            Groups = groups.MoveToImmutable(),
            Fit = new LimitContribution("fit", fit, _fit, fitFinal),
            Engagement = new LimitContribution("engagement", engagement, _engagement, engagementFinal),
            Total = new LimitContribution("total", fitFinal + engagementFinal, _total, total),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"ScoringModel '{Name}' ({_rules.Length} rules, {_groups.Length} groups)";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Clip(double value, double floor, double cap) => value < floor ? floor : value > cap ? cap : value;

    private LeadScore ScoreCore(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        Span<double> points = _rules.Length <= 256 ? stackalloc double[_rules.Length] : new double[_rules.Length];
        Span<int> occurrences = _plans.Length <= 256 ? stackalloc int[_plans.Length] : new int[_plans.Length];
        Evaluate(lead, asOf, points, occurrences);

        var groupCount = _groups.Length;
        Span<double> targets = groupCount <= 254 ? stackalloc double[groupCount + 2] : new double[groupCount + 2];
        for (var r = 0; r < points.Length; r++)
        {
            targets[_ruleTarget[r]] += points[r];
        }

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

        fit = _fit.Apply(fit);
        engagement = _engagement.Apply(engagement);
        return new LeadScore(fit, engagement, _total.Apply(fit + engagement));
    }

    private void Evaluate(Lead lead, DateTimeOffset asOf, Span<double> points, Span<int> occurrences)
    {
        for (var i = 0; i < _evaluated.Length; i++)
        {
            double value;
            try
            {
                value = _evaluated[i].Evaluate(lead, asOf);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw RuleFailed(_evaluatedSlots[i], ex);
            }

            if (!double.IsFinite(value))
            {
                throw RuleFailed(_evaluatedSlots[i], null);
            }

            points[_evaluatedSlots[i]] = value;
        }

        if (_plans.Length == 0)
        {
            return;
        }

        var plans = _plans;
        var planWindow = _planWindow;
        var decayKind = _planDecayKind;
        var decayRate = _planDecayRate;
        var decayWindow = _planDecayWindow;
        Span<double> sums = plans.Length <= 256 ? stackalloc double[plans.Length] : new double[plans.Length];

        // The youngest matching signal per plan: with at most one occurrence counted (demo requests, unsubscribes,
        // bounces) its factor is the rule's sum, so no second pass is needed.
        Span<long> youngest = plans.Length <= 256 ? stackalloc long[plans.Length] : new long[plans.Length];
        youngest.Fill(long.MaxValue);
        var signals = lead.Signals.AsSpan();
        var asOfTicks = asOf.UtcTicks;
        var kindStart = _kindStart;
        var kindPlans = _kindPlans;
        var lastKind = kindStart.Length - 1;
        foreach (ref readonly var signal in signals)
        {
            var ordinal = signal.Kind.Ordinal;
            if ((uint)ordinal >= (uint)lastKind)
            {
                continue;
            }

            var start = kindStart[ordinal];
            var end = kindStart[ordinal + 1];
            if (start == end)
            {
                continue;
            }

            var age = asOfTicks - signal.OccurredAt.UtcTicks;
            if (age < 0)
            {
                continue;
            }

            for (var i = start; i < end; i++)
            {
                var p = kindPlans[i];
                if (age <= planWindow[p])
                {
                    occurrences[p]++;
                    if (age < youngest[p])
                    {
                        youngest[p] = age;
                    }

                    sums[p] += decayKind[p] switch
                    {
                        DecayKind.None => 1,
                        DecayKind.Exponential => Math.Exp(-age * decayRate[p]),
                        DecayKind.Linear => Math.Max(0, 1 - (age * decayRate[p])),
                        DecayKind.SlidingWindow => age <= decayWindow[p] ? 1 : 0,
                        _ => plans[p].Decay.Factor(age),
                    };
                }
            }
        }

        for (var p = 0; p < plans.Length; p++)
        {
            var plan = plans[p];
            var count = occurrences[p];
            var sum = count < plan.MinOccurrences ? 0
                : count <= plan.MaxOccurrences ? sums[p]
                : plan.MaxOccurrences == 1 ? plan.Decay.Factor(youngest[p])
                : plan.Decay.Kind == DecayKind.None ? plan.MaxOccurrences
                : SignalMath.SumMostRecent(signals, plan, asOfTicks, count);
            points[plan.Slot] = plan.PointsPerOccurrence * sum;
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
