using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Kernel;

/// <summary>
/// The sums and limits of a score: rules' points summed into targets (groups, then fit, then engagement, in rule order
/// within a target), each group clipped, the dimensions clipped, the total clipped. <see cref="Score"/> is the table
/// path; <see cref="Compile"/> the same additions in the same order as straight-line code, so both are bit for bit equal.
/// </summary>
internal sealed class ScoreTotals
{
    /// <summary>The most targets summed on the stack: every group the builder accepts, fit and engagement.</summary>
    public const int MaximumTargets = ScoringModelBuilder.MaximumGroups + 2;

    private static readonly MethodInfo GetMethod = typeof(ScoreTotals).GetMethod(nameof(GetPoints), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ClipMethod = typeof(ScoreTotals).GetMethod(nameof(Clip), BindingFlags.Public | BindingFlags.Static)!;
    private static readonly ConstructorInfo LeadScoreConstructor = typeof(LeadScore).GetConstructor([typeof(double), typeof(double), typeof(double)])!;

    // Rule indices grouped by target, in rule order within a target: the rules of target t are
    // _targetRules[_targetStart[t].._targetStart[t + 1]].
    private readonly int[] _targetRules;
    private readonly int[] _targetStart;
    private readonly int[] _groupDimension;
    private readonly double[] _groupFloor;
    private readonly double[] _groupCap;

    // The limits as numbers (no floor: -∞, no cap: +∞).
    private readonly double _fitFloor;
    private readonly double _fitCap;
    private readonly double _engagementFloor;
    private readonly double _engagementCap;
    private readonly double _totalFloor;
    private readonly double _totalCap;

    /// <summary>Builds the sums of a model.</summary>
    /// <param name="ruleTarget">Each rule's target: its group's index, or the group count plus its dimension.</param>
    /// <param name="groups">The groups.</param>
    /// <param name="fit">The fit limits.</param>
    /// <param name="engagement">The engagement limits.</param>
    /// <param name="total">The total's limits.</param>
    public ScoreTotals(int[] ruleTarget, ScoringGroup[] groups, ScoreLimits fit, ScoreLimits engagement, ScoreLimits total)
    {
        _targetStart = new int[groups.Length + 3];
        foreach (var t in ruleTarget)
        {
            _targetStart[t + 1]++;
        }

        for (var t = 1; t < _targetStart.Length; t++)
        {
            _targetStart[t] += _targetStart[t - 1];
        }

        _targetRules = new int[ruleTarget.Length];
        var filled = new int[groups.Length + 2];
        for (var i = 0; i < ruleTarget.Length; i++)
        {
            var t = ruleTarget[i];
            _targetRules[_targetStart[t] + filled[t]++] = i;
        }

        _groupDimension = new int[groups.Length];
        _groupFloor = new double[groups.Length];
        _groupCap = new double[groups.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            _groupDimension[g] = (int)groups[g].Dimension;
            _groupFloor[g] = groups[g].Limits.Floor ?? double.NegativeInfinity;
            _groupCap[g] = groups[g].Limits.Cap ?? double.PositiveInfinity;
        }

        (_fitFloor, _fitCap) = (fit.Floor ?? double.NegativeInfinity, fit.Cap ?? double.PositiveInfinity);
        (_engagementFloor, _engagementCap) = (engagement.Floor ?? double.NegativeInfinity, engagement.Cap ?? double.PositiveInfinity);
        (_totalFloor, _totalCap) = (total.Floor ?? double.NegativeInfinity, total.Cap ?? double.PositiveInfinity);
    }

    /// <summary>Sums the rules' points into groups and dimensions and applies every floor and cap.</summary>
    public delegate LeadScore Totals(ref double points);

    /// <summary>Gets the number of targets: the groups, then fit, then engagement.</summary>
    public int TargetCount => _targetStart.Length - 1;

    /// <summary>Clips a value: the floor first, then the cap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Clip(double value, double floor, double cap) => value < floor ? floor : value > cap ? cap : value;

    /// <summary>Clips group <paramref name="g"/>'s sum by its limits.</summary>
    public double ClipGroup(int g, double sum) => Clip(sum, _groupFloor[g], _groupCap[g]);

    /// <summary>Gets a value indicating whether group <paramref name="g"/> scores fit (else engagement).</summary>
    public bool IsFitGroup(int g) => _groupDimension[g] == 0;

    /// <summary>
    /// <c>targets[t] = Σ points[r]</c> over the rules of target t. Summed in registers per target:
    /// adding each rule's points into <c>targets[t]</c> in memory chains every addition through a store and a load.
    /// </summary>
    public void SumTargets(ReadOnlySpan<double> points, Span<double> targets)
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

    /// <summary>The score of the rules' points: the table path.</summary>
    [SkipLocalsInit]
    public LeadScore Score(ReadOnlySpan<double> points)
    {
        var groupCount = _groupDimension.Length;

        // SumTargets writes every target. The builder's limit keeps this on the stack; a larger model is not built.
        Span<double> targets = groupCount + 2 <= MaximumTargets ? stackalloc double[groupCount + 2] : new double[groupCount + 2];
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

    /// <summary>
    /// Builds the straight-line form of <see cref="Score"/>: the same additions in the same order as
    /// <see cref="SumTargets"/> and the same clipping, so the score is bit for bit the table-driven one.
    /// </summary>
    public Totals? Compile()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return null;
        }

        var groupCount = _groupDimension.Length;
        var points = Expression.Parameter(typeof(double).MakeByRefType(), "points");
        var targets = new Expression[groupCount + 2];
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
            Expression.Assign(fit, targets[groupCount]),
            Expression.Assign(engagement, targets[groupCount + 1]),
        ];
        for (var g = 0; g < groupCount; g++)
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

    /// <summary><c>points[slot]</c>; every slot was checked against the rule count when the model was built.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double GetPoints(ref double points, int slot) => Unsafe.Add(ref points, slot);
}
