using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Model;

/// <content>
/// The built-in attribute, source and e-mail domain rules as straight-line code: one statement per rule writing its
/// points, with its condition, slot and points as constants, compiled once by <c>Build()</c> where the runtime compiles
/// dynamic code. Signal, inactivity and plugin rules, the sums and the limits keep their table-driven code, so both
/// paths give every rule the same points and every score the same sums. Ahead-of-time compiled applications (where
/// expressions would only be interpreted) use the tables; the tests compare both.
/// </content>
public sealed partial class ScoringModel
{
    private static readonly MethodInfo SetMethod = typeof(ScoringModel).GetMethod(nameof(SetPoints), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo PointsAtMethod = typeof(ScoringModel).GetMethod(nameof(PointsAt), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo EmailEvaluateMethod = typeof(EmailDomainRule).GetMethod(nameof(EmailDomainRule.Evaluate))!;
    private static readonly PropertyInfo SourceProperty = typeof(Lead).GetProperty(nameof(Lead.Source))!;
    private static readonly PropertyInfo SourceOrdinalProperty = typeof(LeadSource).GetProperty(nameof(LeadSource.Ordinal))!;

    /// <summary>Writes the points of the built-in attribute, source and e-mail rules into <c>points[slot]</c>.</summary>
    private delegate void BuiltInRules(Lead lead, DateTimeOffset asOf, ref double points);

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
        body.Add(Expression.Assign(source, Expression.Property(Expression.Property(lead, SourceProperty), SourceOrdinalProperty)));
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

    /// <summary><c>points[slot] = value</c>; every slot was checked against the rule count when the model was built.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetPoints(ref double points, int slot, double value) => Unsafe.Add(ref points, slot) = value;

    /// <summary>A source rule's points for a source ordinal (0 for sources it does not list).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PointsAt(double[] table, int ordinal) => (uint)ordinal < (uint)table.Length ? table[ordinal] : 0;
}
