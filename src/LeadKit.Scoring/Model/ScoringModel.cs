using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Diagnostics;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Kernel;
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
/// (attribute, source, e-mail domain) are evaluated from the plans their kinds' descriptors made
/// (<see cref="ScoringRuleKind"/>); rules of a kind without a fast path (plugin rules) are called through
/// <see cref="IScoringRule.Evaluate"/>, each guarded: a plugin rule that throws or returns a non-finite number makes the
/// call throw a <see cref="ScoringException"/> naming the rule. Every path gives exactly the points the rule's own
/// <c>Evaluate</c> gives.</para>
/// <para>Where the runtime compiles dynamic code, a model compiles its attribute, source and e-mail domain rules, its
/// signal rules' points from their signals, and its sums and limits into straight-line code and then runs that code;
/// <see cref="ScoringModelBuilder.WithCompilation"/> chooses when (<see cref="ScoringCompilationMode"/>: by default in
/// the background once it has given 1,024 scores, so <c>Build()</c> stays fast and a model built for a few leads never
/// pays for compiling). Until then, and in ahead-of-time compiled applications, it scores from its tables. Both give the
/// same result, bit for bit. (The one score that starts a background compile queues it: one small allocation in the
/// model's life.) <see cref="Compilation"/> and <see cref="CompilationFailed"/> report how compiling went.</para>
/// </remarks>
public sealed partial class ScoringModel : ILeadScorer
{
    // The most rules whose scratch space is on the stack: every model the builder accepts, so Score allocates nothing
    // for any of them (8 KB of points and 4 KB of occurrences at the limit).
    private const int MaximumStackRules = ScoringModelBuilder.MaximumRules;

    private readonly RuleEntry[] _rules;

    // The kernel (Kernel/): the built-in rules' tables, the signal pass and the sums and limits. Rules whose kind has no
    // fast path (plugin rules) are called through the interface, guarded; each array pairs with the rule slots (rule
    // indexes) it writes.
    private readonly RuleTables _tables;
    private readonly SignalPass _signalPass;
    private readonly ScoreTotals _sums;
    private readonly IScoringRule[] _pluginRules;
    private readonly int[] _pluginSlots;

    private readonly SignalPlan[] _plans;

    // Rule index -> its signal plan's index, or -1.
    private readonly int[] _planOfRule;

    private readonly ScoringGroup[] _groups;
    private readonly ScoreLimits _fit;
    private readonly ScoreLimits _engagement;
    private readonly ScoreLimits _total;
    private readonly TimeProvider _timeProvider;
    private readonly KeyValuePair<string, object?> _modelTag;
    private readonly ScoringInstruments _instruments;

    internal ScoringModel(string name, TimeProvider timeProvider, ScoringInstruments instruments, RuleEntry[] rules, ScoringGroup[] groups, ScoreLimits fit, ScoreLimits engagement, ScoreLimits total, RulePlanning planning, VocabularyIndex<EngagementSignalKind>? localKinds, ScoringCompilationMode compilation = ScoringCompilationMode.Background)
    {
        Name = name;
        _timeProvider = timeProvider;
        _rules = rules;
        _groups = groups;
        _fit = fit;
        _engagement = engagement;
        _total = total;
        _modelTag = new("leadkit.model", name);
        _instruments = instruments;

        // Targets: groups are 0..G-1, then fit = G, engagement = G + 1.
        var ruleTarget = new int[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            ruleTarget[i] = rules[i].GroupIndex >= 0 ? rules[i].GroupIndex : groups.Length + (int)rules[i].Dimension;
        }

        // The rule kinds' descriptors already turned every rule into its plan entry (Rules/*/…Kind.cs); here the entries
        // become the kernel's tables.
        _plans = [.. planning.SignalPlans];
        _planOfRule = new int[rules.Length];
        Array.Fill(_planOfRule, -1);
        for (var p = 0; p < _plans.Length; p++)
        {
            _planOfRule[_plans[p].Slot] = p;
        }

        _tables = planning.CreateTables();
        _pluginRules = [.. planning.Evaluators];
        _pluginSlots = [.. planning.EvaluatorSlots];
        _signalPass = planning.CreateSignalPass(localKinds);
        _sums = new ScoreTotals(ruleTarget, groups, fit, engagement, total);

        RuleNames = [.. Array.ConvertAll(rules, r => r.Name)];
        _compilation = ScoringCompilationStatus.Pending;
        StartCompilation(compilation);
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
        if (_instruments.LeadsScored.Enabled)
        {
            _instruments.LeadsScored.Add(1, _modelTag);
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

        if (_instruments.LeadsScored.Enabled)
        {
            _instruments.LeadsScored.Add(leads.Length, _modelTag);
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
        // Scratch space on the stack for every model the builder accepts: the card is the only allocation besides its lists.
        Span<double> points = _rules.Length <= MaximumStackRules ? stackalloc double[_rules.Length] : new double[_rules.Length];
        // At least one entry, so the contributing-rule test below can read occurrences[0] for rules without a plan.
        Span<int> occurrences = _plans.Length <= MaximumStackRules ? stackalloc int[_plans.Length + 1] : new int[_plans.Length + 1];
        Evaluate(lead, asOf, points, occurrences, CompiledForScoring());
        Span<double> targets = _sums.TargetCount <= ScoreTotals.MaximumTargets ? stackalloc double[_sums.TargetCount] : new double[_sums.TargetCount];
        _sums.SumTargets(points, targets);

        var groups = new LimitContribution[_groups.Length];
        double fit = targets[_groups.Length], engagement = targets[_groups.Length + 1];
        for (var g = 0; g < _groups.Length; g++)
        {
            var clipped = _sums.ClipGroup(g, targets[g]);
            groups[g] = new LimitContribution(_groups[g].Name, targets[g], _groups[g].Limits, clipped);
            if (_sums.IsFitGroup(g))
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
        Span<int> contributing = _rules.Length <= MaximumStackRules ? stackalloc int[_rules.Length] : new int[_rules.Length];
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
            if (_planOfRule[r] >= 0)
            {
                var plan = _plans[_planOfRule[r]];
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

    /// <summary>Scores with the built-in rules read from their tables, never from their compiled form: the tests' reference.</summary>
    internal LeadScore ScoreFromTables(Lead lead, DateTimeOffset asOf) => ScoreCore(lead, asOf, compiled: false);

    // Every rule writes its points, every plan its occurrences and the sums every target, so the scratch spans need no
    // clearing.
    [SkipLocalsInit]
    private LeadScore ScoreCore(Lead lead, DateTimeOffset asOf, bool compiled = true)
    {
        ArgumentNullException.ThrowIfNull(lead);
        Span<double> points = _rules.Length <= MaximumStackRules ? stackalloc double[_rules.Length] : new double[_rules.Length];
        Span<int> occurrences = _plans.Length <= MaximumStackRules ? stackalloc int[_plans.Length] : new int[_plans.Length];
        var kernel = compiled ? CompiledForScoring() : null;
        Evaluate(lead, asOf, points, occurrences, kernel);
        return kernel?.Totals is { } totals ? totals(ref MemoryMarshal.GetReference(points)) : _sums.Score(points);
    }

    private void Evaluate(Lead lead, DateTimeOffset asOf, Span<double> points, Span<int> occurrences, CompiledKernel? kernel)
    {
        // Built-in rules read straight from their compiled parts (the rules are immutable), not through the rule objects:
        // as straight-line code when the model has it, otherwise from the tables.
        if (kernel?.Rules is { } builtIn)
        {
            builtIn(lead, asOf, ref MemoryMarshal.GetReference(points));
        }
        else
        {
            _tables.Evaluate(lead, asOf, points);
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

        if (_signalPass.HasWork)
        {
            _signalPass.Evaluate(lead, asOf.UtcTicks, points, occurrences, kernel?.Signals);
        }
    }

    private ScoringException RuleFailed(int slot, Exception? inner)
    {
        var name = _rules[slot].Name;
        _instruments.RuleFailures.Add(1, _modelTag, new KeyValuePair<string, object?>("leadkit.rule", name));
        var message = inner is null
            ? $"Scoring rule '{name}' of model '{Name}' returned a number that is not finite; the lead was not scored."
            : $"Scoring rule '{name}' of model '{Name}' threw {inner.GetType().Name}; the lead was not scored.";
        return new ScoringException(name, message, inner);
    }

    /// <summary>One rule of the model with what the compiler resolved for it.</summary>
    internal sealed record RuleEntry(IScoringRule Rule, string Name, ScoreDimension Dimension, int GroupIndex);
}
