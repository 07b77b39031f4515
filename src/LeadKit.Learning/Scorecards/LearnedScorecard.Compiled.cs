using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Rules;

namespace LeadKit.Learning.Scorecards;

/// <content>
/// The scorecard as straight-line code: one expression per condition, with its field, operand and points as constants,
/// compiled once when the runtime compiles dynamic code. It is what a hand-written scorer would be, so a learned model
/// scores as fast as one; the array-driven <see cref="ScoreFromTables"/> stays as the fallback (ahead-of-time
/// compiled applications, where expressions would only be interpreted) and as the reference the tests compare with.
/// </content>
public sealed partial class LearnedScorecard
{
    private static readonly MethodInfo SignalMaskMethod = typeof(LearnedScorecard).GetMethod(nameof(SignalMask), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly MethodInfo StringEqualsMethod = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo ReadTextMethod = typeof(LeadFields).GetMethod(nameof(LeadFields.ReadText))!;
    private static readonly MethodInfo ReadNamedMethod = typeof(LeadFields).GetMethod(nameof(LeadFields.ReadNamed))!;
    private static readonly MethodInfo TryReadNumberMethod = typeof(LeadFields).GetMethod(nameof(LeadFields.TryReadNumber))!;
    private static readonly MethodInfo IsInMethod = typeof(LearnedScorecard).GetMethod(nameof(IsIn), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo MatchesMethod = typeof(AttributeCondition).GetMethod(nameof(AttributeCondition.Matches))!;
    private static readonly ConstructorInfo LeadScoreConstructor = typeof(LeadScore).GetConstructor([typeof(double), typeof(double), typeof(double)])!;

    /// <summary>Builds the straight-line scorer, or returns <see langword="null"/> when dynamic code would only be interpreted.</summary>
    private Func<Lead, DateTimeOffset, LeadScore>? CompileScore()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return null;
        }

        var lead = Expression.Parameter(typeof(Lead), "lead");
        var asOf = Expression.Parameter(typeof(DateTimeOffset), "asOf");
        var fit = Expression.Variable(typeof(int), "fit");
        var engagement = Expression.Variable(typeof(int), "engagement");
        List<ParameterExpression> variables = [fit, engagement];
        List<Expression> body = [Expression.Assign(fit, Expression.Constant(BasePoints)), Expression.Assign(engagement, Expression.Constant(0))];

        void Add(in CompiledTest test, Expression met) => body.Add(Expression.AddAssign(
            _isEngagement[test.Index] ? engagement : fit,
            Expression.Condition(met, Expression.Constant(test.Points), Expression.Constant(0))));

        ParameterExpression Local(Type type, string name, Expression value)
        {
            var local = Expression.Variable(type, name);
            variables.Add(local);
            body.Add(Expression.Assign(local, value));
            return local;
        }

        if (_signalTests.Length > 0)
        {
            var signals = Local(typeof(ulong), "signals", Expression.Call(Expression.Constant(this), SignalMaskMethod, lead, asOf));
            foreach (var test in _signalTests)
            {
                var bit = Expression.And(signals, Expression.Constant(1UL << test.Operand));
                Add(test, test.Wanted ? Expression.NotEqual(bit, Expression.Constant(0UL)) : Expression.Equal(bit, Expression.Constant(0UL)));
            }
        }

        foreach (var run in _textRuns)
        {
            var text = Local(typeof(string), "text", Expression.Call(ReadTextMethod, lead, Expression.Constant(run.Field)));
            foreach (var test in _textTests.AsSpan(run.Start, run.Length))
            {
                Add(test, Expression.Call(StringEqualsMethod, text, Expression.Constant(_text[test.Index], typeof(string)), Expression.Constant(StringComparison.OrdinalIgnoreCase)));
            }
        }

        foreach (var run in _numberRuns)
        {
            var number = Expression.Variable(typeof(double), "number");
            variables.Add(number);
            var known = Local(typeof(bool), "known", Expression.Call(TryReadNumberMethod, lead, Expression.Constant(run.Field), number));
            foreach (var test in _numberTests.AsSpan(run.Start, run.Length))
            {
                // Non-short-circuit ands, like the comparisons of the array-driven scorer (a NaN bound never matches).
                Add(test, Expression.And(
                    known,
                    Expression.And(
                        Expression.GreaterThanOrEqual(number, Expression.Constant(_low[test.Index])),
                        Expression.LessThanOrEqual(number, Expression.Constant(_high[test.Index])))));
            }
        }

        foreach (var run in _namedRuns)
        {
            var named = Local(typeof(int), "named", Expression.Call(ReadNamedMethod, lead, Expression.Constant(run.Field)));
            foreach (var test in _namedTests.AsSpan(run.Start, run.Length))
            {
                var isIn = Expression.Call(IsInMethod, named, Expression.Constant(_mask[test.Index]));
                Add(test, test.Wanted ? isIn : Expression.Not(isIn));
            }
        }

        foreach (var test in _attributeTests)
        {
            Add(test, Expression.Call(Expression.Constant(_attributes[test.Index]!), MatchesMethod, lead));
        }

        foreach (var test in _predicateTests)
        {
            Add(test, Expression.Invoke(Expression.Constant(_predicates[test.Index]), lead, asOf));
        }

        body.Add(Expression.New(
            LeadScoreConstructor,
            Expression.Convert(fit, typeof(double)),
            Expression.Convert(engagement, typeof(double)),
            Expression.Convert(Expression.Add(fit, engagement), typeof(double))));
        return Expression.Lambda<Func<Lead, DateTimeOffset, LeadScore>>(Expression.Block(variables, body), lead, asOf).Compile();
    }
}
