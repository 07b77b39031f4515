using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Diagnostics;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Model;

/// <content>
/// The built-in attribute, source and e-mail domain rules as straight-line code: one statement per rule writing its
/// points, with its condition, slot and points as constants, compiled once per model where the runtime compiles dynamic
/// code, in the background after the model's first scores. Signal rules keep their table-driven pass over the signals, but the points each gets from its signals
/// are compiled the same way (one inlined step per rule, its numbers as constants); inactivity and plugin rules keep
/// their table-driven code. The sums and limits of a score are compiled too, adding in the same order as the tables, so both paths give every rule the same points and every
/// score the same value, and Score still equals Explain. Ahead-of-time compiled applications (where
/// expressions would only be interpreted) use the tables; the tests compare both.
/// </content>
public sealed partial class ScoringModel
{
    private static readonly MethodInfo SetMethod = typeof(ScoringModel).GetMethod(nameof(SetPoints), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo PointsAtMethod = typeof(ScoringModel).GetMethod(nameof(PointsAt), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo EmailEvaluateMethod = typeof(EmailDomainRule).GetMethod(nameof(EmailDomainRule.Evaluate))!;
    private static readonly MethodInfo GetMethod = typeof(ScoringModel).GetMethod(nameof(GetPoints), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ClipMethod = typeof(ScoringModel).GetMethod(nameof(Clip), BindingFlags.NonPublic | BindingFlags.Static)!;

    // Finish for each kind of decay, closed over its factor without reflection on generic definitions (trim-safe).
    private static readonly MethodInfo FinishNoDecay = new FinishCall(Finish<NoDecay>).Method;
    private static readonly MethodInfo FinishHalfLife = new FinishCall(Finish<HalfLife>).Method;
    private static readonly MethodInfo FinishLinear = new FinishCall(Finish<Linear>).Method;
    private static readonly MethodInfo FinishAnyDecay = new FinishCall(Finish<AnyDecay>).Method;
    private static readonly ConstructorInfo LeadScoreConstructor = typeof(LeadScore).GetConstructor([typeof(double), typeof(double), typeof(double)])!;

    /// <summary>Writes the points of the built-in attribute, source and e-mail rules into <c>points[slot]</c>.</summary>
    private delegate void BuiltInRules(Lead lead, DateTimeOffset asOf, ref double points);

    /// <summary>Sums the rules' points into groups and dimensions and applies every floor and cap.</summary>
    private delegate LeadScore Totals(ref double points);

    /// <summary>Gives every signal plan its occurrences and points from the signals' codes and ages (see <see cref="GivePoints"/>).</summary>
    private delegate void SignalPoints(ref byte codes, int stride, ref long ages, ref long planAges, ref double points, ref int occurrences);

    /// <summary>The signature of <see cref="Finish{TFactor}"/>.</summary>
    private delegate void FinishCall(ref byte codes, int stride, int layer, byte code, int minOccurrences, int maxOccurrences, double rate, CompiledDecay? decay, double pointsPerOccurrence, int slot, int plan, ref long ages, ref long planAges, ref double points, ref int occurrences);

    /// <summary>Builds the straight-line form of the built-in rules, or <see langword="null"/> when there is nothing to gain.</summary>
    private BuiltInRules? CompileBuiltInRules()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || _attributeConditions.Length + _sourcePoints.Length + _emailRules.Length == 0)
        {
            return null;
        }

        var lead = Expression.Parameter(typeof(Lead), "lead");
        var asOf = Expression.Parameter(typeof(DateTimeOffset), "asOf");
        var points = Expression.Parameter(typeof(double).MakeByRefType(), "points");
        List<Expression> body = [];
        for (var i = 0; i < _attributeConditions.Length; i++)
        {
            var value = Expression.Condition(_attributeConditions[i].ToExpression(lead), Expression.Constant(_attributePoints[i]), Expression.Constant(0.0));
            body.Add(Expression.Call(SetMethod, points, Expression.Constant(_attributeSlots[i]), value));
        }

        var source = Expression.Variable(typeof(int), "source");
        body.Add(Expression.Assign(source, LeadFieldExpressions.SourceIndex(lead, _sources)));
        for (var i = 0; i < _sourcePoints.Length; i++)
        {
            var value = Expression.Call(PointsAtMethod, Expression.Constant(_sourcePoints[i]), source);
            body.Add(Expression.Call(SetMethod, points, Expression.Constant(_sourceSlots[i]), value));
        }

        for (var i = 0; i < _emailRules.Length; i++)
        {
            var value = Expression.Call(Expression.Constant(_emailRules[i]), EmailEvaluateMethod, lead, asOf);
            body.Add(Expression.Call(SetMethod, points, Expression.Constant(_emailSlots[i]), value));
        }

        return Expression.Lambda<BuiltInRules>(Expression.Block([source], body), lead, asOf, points).Compile();
    }

    /// <summary>
    /// Builds the straight-line form of the sums and limits of <see cref="ScoreCore"/>: the same additions in the same
    /// order as <see cref="SumTargets"/> and the same clipping, so the score is bit for bit the table-driven one.
    /// </summary>
    private Totals? CompileTotals()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return null;
        }

        var points = Expression.Parameter(typeof(double).MakeByRefType(), "points");
        var targets = new Expression[_groups.Length + 2];
        for (var t = 0; t < targets.Length; t++)
        {
            // Two partial sums, even and odd positions, each from 0.0: the order SumTargets adds in.
            Expression even = Expression.Constant(0.0), odd = Expression.Constant(0.0);
            var end = _targetStart[t + 1];
            var k = _targetStart[t];
            for (; k + 1 < end; k += 2)
            {
                even = Expression.Add(even, Get(points, _targetRules[k]));
                odd = Expression.Add(odd, Get(points, _targetRules[k + 1]));
            }

            if (k < end)
            {
                even = Expression.Add(even, Get(points, _targetRules[k]));
            }

            targets[t] = Expression.Add(even, odd);
        }

        var fit = Expression.Variable(typeof(double), "fit");
        var engagement = Expression.Variable(typeof(double), "engagement");
        List<Expression> body =
        [
            Expression.Assign(fit, targets[_groups.Length]),
            Expression.Assign(engagement, targets[_groups.Length + 1]),
        ];
        for (var g = 0; g < _groups.Length; g++)
        {
            body.Add(Expression.AddAssign(_groupDimension[g] == 0 ? fit : engagement, ClipExpression(targets[g], _groupFloor[g], _groupCap[g])));
        }

        body.Add(Expression.Assign(fit, ClipExpression(fit, _fitFloor, _fitCap)));
        body.Add(Expression.Assign(engagement, ClipExpression(engagement, _engagementFloor, _engagementCap)));
        body.Add(Expression.New(LeadScoreConstructor, fit, engagement, ClipExpression(Expression.Add(fit, engagement), _totalFloor, _totalCap)));
        return Expression.Lambda<Totals>(Expression.Block([fit, engagement], body), points).Compile();

        static Expression Get(ParameterExpression points, int slot) => Expression.Call(GetMethod, points, Expression.Constant(slot));

        static Expression ClipExpression(Expression value, double floor, double cap)
            => Expression.Call(ClipMethod, value, Expression.Constant(floor), Expression.Constant(cap));
    }

    /// <summary>The scores (leads) a model gives from its tables before it compiles itself.</summary>
    internal const int ScoresBeforeCompiling = 1024;

    /// <summary>Gets a value indicating whether the signal rules' points run as compiled straight-line code.</summary>
    internal bool HasCompiledSignalPoints => Volatile.Read(ref _signalPoints) is not null;

    /// <summary>Compiles the model now, on the calling thread (the tests use it to compare both forms).</summary>
    internal void CompileNow()
    {
        Volatile.Write(ref _scoresBeforeCompiling, 0);
        var builtIn = CompileBuiltInRules();
        var totals = CompileTotals();
        var signalPoints = CompileSignalPoints();
        Volatile.Write(ref _builtInRules, builtIn);
        Volatile.Write(ref _totals, totals);
        Volatile.Write(ref _signalPoints, signalPoints);
    }

    /// <summary>
    /// Counts a score towards compiling the model. Its code takes a few milliseconds to compile, ten times the rest of
    /// <c>Build()</c>, and pays off only over many leads (about 100 ns each), so a model compiles itself in the
    /// background once it has given <see cref="ScoresBeforeCompiling"/> scores, and scores from its tables meanwhile (the
    /// same points, bit for bit). Only the score that reaches the count starts the work; after it, this is one read.
    /// </summary>
    private void CountTowardsCompiling()
    {
        if (Volatile.Read(ref _scoresBeforeCompiling) > 0 && Interlocked.Decrement(ref _scoresBeforeCompiling) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static model => model.CompileInBackground(), this, preferLocal: false);
        }
    }

    /// <summary>
    /// Compiles the model on a pool thread. A failure there would end the process, so it is counted in
    /// <see cref="ScoringMetrics"/> instead, and the model keeps scoring from its tables, which give the same scores.
    /// </summary>
    private void CompileInBackground()
    {
        try
        {
            CompileNow();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ScoringMetrics.CompilationFailures.Add(1, _modelTag);
        }
    }

    /// <summary>
    /// Builds the straight-line form of <see cref="GivePoints"/>: one inlined <see cref="Finish{TFactor}"/> per plan,
    /// with the plan's layer, code, occurrence limits, decay, points and slot as constants instead of read from its
    /// <see cref="FinishPlan"/>, and no branch on its kind of decay.
    /// </summary>
    private SignalPoints? CompileSignalPoints()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || _finishPlans.Length == 0)
        {
            return null;
        }

        var codes = Expression.Parameter(typeof(byte).MakeByRefType(), "codes");
        var stride = Expression.Parameter(typeof(int), "stride");
        var ages = Expression.Parameter(typeof(long).MakeByRefType(), "ages");
        var planAges = Expression.Parameter(typeof(long).MakeByRefType(), "planAges");
        var points = Expression.Parameter(typeof(double).MakeByRefType(), "points");
        var occurrences = Expression.Parameter(typeof(int).MakeByRefType(), "occurrences");
        var body = new Expression[_finishPlans.Length];
        for (var p = 0; p < body.Length; p++)
        {
            var plan = _finishPlans[p];
            var finish = plan.Kind switch
            {
                DecayKind.None => FinishNoDecay,
                DecayKind.Exponential => FinishHalfLife,
                DecayKind.Linear => FinishLinear,
                _ => FinishAnyDecay,
            };

            // Only the kinds without a formula of their own read the decay.
            var decay = finish == FinishAnyDecay ? plan.Decay : null;
            body[p] = Expression.Call(
                finish,
                [
                    codes, stride, Expression.Constant(plan.Layer), Expression.Constant(plan.Code), Expression.Constant(plan.MinOccurrences),
                    Expression.Constant(plan.MaxOccurrences), Expression.Constant(plan.Rate), Expression.Constant(decay, typeof(CompiledDecay)),
                    Expression.Constant(plan.PointsPerOccurrence), Expression.Constant(plan.Slot), Expression.Constant(p), ages, planAges, points, occurrences,
                ]);
        }

        return Expression.Lambda<SignalPoints>(Expression.Block(body), codes, stride, ages, planAges, points, occurrences).Compile();
    }

    /// <summary><c>points[slot]</c>; every slot was checked against the rule count when the model was built.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double GetPoints(ref double points, int slot) => Unsafe.Add(ref points, slot);

    /// <summary><c>points[slot] = value</c>; every slot was checked against the rule count when the model was built.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetPoints(ref double points, int slot, double value) => Unsafe.Add(ref points, slot) = value;

    /// <summary>A source rule's points for a source ordinal (0 for sources it does not list).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PointsAt(double[] table, int index) => (uint)index < (uint)table.Length ? table[index] : 0;
}
