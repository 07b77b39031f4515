using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Kernel;

/// <summary>
/// The built-in attribute, source and e-mail domain rules reduced to tables: each entry pairs a rule's compiled part
/// with its slot (rule index). <see cref="Evaluate"/> is the table path; <see cref="Compile"/> the same statements as
/// straight-line code with every condition, slot and points as constants.
/// </summary>
/// <param name="attributeConditions">Each attribute rule's compiled condition.</param>
/// <param name="attributePoints">Each attribute rule's points when its condition holds.</param>
/// <param name="attributeSlots">Each attribute rule's slot.</param>
/// <param name="sourcePoints">Each source rule's points by source ordinal in <paramref name="sources"/>.</param>
/// <param name="sourceSlots">Each source rule's slot.</param>
/// <param name="sources">The sources of the model's source rules: a lead's source is found by ordinal.</param>
/// <param name="emailRules">The e-mail domain rules.</param>
/// <param name="emailSlots">Each e-mail domain rule's slot.</param>
internal sealed class RuleTables(
    CompiledCondition[] attributeConditions,
    double[] attributePoints,
    int[] attributeSlots,
    double[][] sourcePoints,
    int[] sourceSlots,
    VocabularyIndex<LeadSource> sources,
    EmailDomainRule[] emailRules,
    int[] emailSlots)
{
    private static readonly MethodInfo SetMethod = typeof(RuleTables).GetMethod(nameof(SetPoints), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo PointsAtMethod = typeof(RuleTables).GetMethod(nameof(PointsAt), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo EmailEvaluateMethod = typeof(EmailDomainRule).GetMethod(nameof(EmailDomainRule.Evaluate))!;

    /// <summary>Writes the points of the built-in attribute, source and e-mail rules into <c>points[slot]</c>.</summary>
    public delegate void BuiltInRules(Lead lead, DateTimeOffset asOf, ref double points);

    /// <summary>Writes every table rule's points into its slot of <paramref name="points"/>: the table path.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment.</param>
    /// <param name="points">The model's points per rule.</param>
    public void Evaluate(Lead lead, DateTimeOffset asOf, Span<double> points)
    {
        var conditions = attributeConditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            points[attributeSlots[i]] = conditions[i].Matches(lead) ? attributePoints[i] : 0;
        }

        var source = sources.IndexOf(lead.Source);
        for (var i = 0; i < sourcePoints.Length; i++)
        {
            points[sourceSlots[i]] = PointsAt(sourcePoints[i], source);
        }

        for (var i = 0; i < emailRules.Length; i++)
        {
            points[emailSlots[i]] = emailRules[i].Evaluate(lead, asOf);
        }
    }

    /// <summary>Builds the straight-line form of <see cref="Evaluate"/>, or <see langword="null"/> when there is nothing to gain.</summary>
    public BuiltInRules? Compile()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || attributeConditions.Length + sourcePoints.Length + emailRules.Length == 0)
        {
            return null;
        }

        var lead = Expression.Parameter(typeof(Lead), "lead");
        var asOf = Expression.Parameter(typeof(DateTimeOffset), "asOf");
        var points = Expression.Parameter(typeof(double).MakeByRefType(), "points");
        List<Expression> body = [];
        for (var i = 0; i < attributeConditions.Length; i++)
        {
            var value = Expression.Condition(attributeConditions[i].ToExpression(lead), Expression.Constant(attributePoints[i]), Expression.Constant(0.0));
            body.Add(Expression.Call(SetMethod, points, Expression.Constant(attributeSlots[i]), value));
        }

        var source = Expression.Variable(typeof(int), "source");
        body.Add(Expression.Assign(source, LeadFieldExpressions.SourceIndex(lead, sources)));
        for (var i = 0; i < sourcePoints.Length; i++)
        {
            var value = Expression.Call(PointsAtMethod, Expression.Constant(sourcePoints[i]), source);
            body.Add(Expression.Call(SetMethod, points, Expression.Constant(sourceSlots[i]), value));
        }

        for (var i = 0; i < emailRules.Length; i++)
        {
            var value = Expression.Call(Expression.Constant(emailRules[i]), EmailEvaluateMethod, lead, asOf);
            body.Add(Expression.Call(SetMethod, points, Expression.Constant(emailSlots[i]), value));
        }

        return Expression.Lambda<BuiltInRules>(Expression.Block([source], body), lead, asOf, points).Compile();
    }

    /// <summary><c>points[slot] = value</c>; every slot was checked against the rule count when the model was built.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetPoints(ref double points, int slot, double value) => Unsafe.Add(ref points, slot) = value;

    /// <summary>A source rule's points for a source ordinal (0 for sources it does not list).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PointsAt(double[] table, int index) => (uint)index < (uint)table.Length ? table[index] : 0;
}
