using System.Buffers;
using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// An <see cref="AttributeCondition"/> compiled once into a node specialised for its field's type and its operator,
/// so evaluating it reads one field and runs one typed test: a bit test for named values, two comparisons for a
/// number range, a length-checked case-insensitive compare (or a frozen set) for text. Conditions this compiler does
/// not specialise (existence tests, text and boolean tests of custom attributes) fall back to the reference semantics,
/// <see cref="FieldCondition.Matches"/>; a differential property over every field and operator proves the nodes and
/// their <see cref="ToExpression"/> equal to it.
/// </summary>
internal abstract class CompiledCondition
{
    // Above this many values a frozen set's hash look-up beats comparing against each value.
    private const int SetThreshold = 8;

    private static readonly MethodInfo MatchesMethod = typeof(CompiledCondition).GetMethod(nameof(Matches))!;
    private static readonly MethodInfo StringEqualsMethod = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;

    public abstract bool Matches(Lead lead);

    /// <summary>
    /// The condition as an expression over <paramref name="lead"/> with the same result as <see cref="Matches"/>, for
    /// models compiled into straight-line code: nodes with a simple test inline it with their field and operands as
    /// constants; the others call their own <see cref="Matches"/>.
    /// </summary>
    public virtual Expression ToExpression(Expression lead) => Expression.Call(Expression.Constant(this), MatchesMethod, lead);

    /// <summary>Compiles a condition; never throws, even for a condition that <c>Build()</c> would reject.</summary>
    public static CompiledCondition Compile(AttributeCondition condition)
    {
        switch (condition.Operator)
        {
            case FieldOperator.All when condition.Conditions.All(c => c is not null):
                return new AllNode([.. condition.Conditions.Select(c => c.Compiled)]);
            case FieldOperator.Any when condition.Conditions.All(c => c is not null):
                return new AnyNode([.. condition.Conditions.Select(c => c.Compiled)]);
            case FieldOperator.Not when condition.Conditions is [{ } only]:
                return new NotNode(only.Compiled);
        }

        var values = condition.Values.IsDefault ? [] : condition.Values.AsSpan();
        foreach (var value in values)
        {
            if (value is null)
            {
                return new GenericNode(condition);
            }
        }

        var field = condition.Field;
        var op = condition.Operator;
        if (field == LeadField.Custom)
        {
            // A custom attribute's type is the lead's value's: number operators match only number values.
            return op is FieldOperator.AtLeast or FieldOperator.AtMost or FieldOperator.Between || (op == FieldOperator.Equals && values.Length == 0)
                ? new CustomNumberRangeNode(condition.CustomKey, LowerBound(condition), UpperBound(condition))
                : new GenericNode(condition);
        }

        switch (LeadFields.TypeOf(field))
        {
            case FieldType.Named when op is FieldOperator.Equals or FieldOperator.In or FieldOperator.NotEquals or FieldOperator.NotIn:
                return NamedNode.Create(field, op, condition.EnumValues);
            case FieldType.Number when op is FieldOperator.Equals or FieldOperator.AtLeast or FieldOperator.AtMost or FieldOperator.Between:
                return new NumberRangeNode(field, LowerBound(condition), UpperBound(condition));
            case FieldType.Boolean when op is FieldOperator.IsTrue or FieldOperator.IsFalse:
                return new BooleanNode(field, op == FieldOperator.IsTrue);
            case FieldType.Text when op is FieldOperator.Equals && values.Length > 0:
                return new TextInNode(field, [values[0]], negate: false);
            case FieldType.Text when op is FieldOperator.In or FieldOperator.NotIn or FieldOperator.NotEquals:
                var negate = op != FieldOperator.In;
                return values.Length > SetThreshold
                    ? new TextSetNode(field, values.ToArray().ToFrozenSet(StringComparer.OrdinalIgnoreCase), negate)
                    : new TextInNode(field, values.ToArray(), negate);
            case FieldType.Text when op is FieldOperator.Contains && condition.ContainsAny is { } search:
                return new TextContainsNode(field, search);
            default:
                return new GenericNode(condition);
        }
    }

    /// <summary>Whether a named value (an enum's integer) is in a 64-bit mask of values.</summary>
    public static bool IsIn(int value, ulong mask) => (uint)value < 64 && (mask & (1UL << value)) != 0;

    // The bounds of a number operator as lo <= x <= hi; a bound the operator needs but the condition lacks is NaN, which
    // never matches, as in the generic semantics.
    private static double LowerBound(AttributeCondition condition) => condition.Operator switch
    {
        FieldOperator.AtMost => double.NegativeInfinity,
        _ => condition.Min ?? double.NaN,
    };

    private static double UpperBound(AttributeCondition condition) => condition.Operator switch
    {
        FieldOperator.AtLeast => double.PositiveInfinity,
        FieldOperator.Equals => condition.Min ?? double.NaN,
        _ => condition.Max ?? double.NaN,
    };

    private sealed class AllNode(CompiledCondition[] children) : CompiledCondition
    {
        public override Expression ToExpression(Expression lead)
            => children.Select(c => c.ToExpression(lead)).Aggregate((Expression)Expression.Constant(true), Expression.AndAlso);

        public override bool Matches(Lead lead)
        {
            foreach (var child in children)
            {
                if (!child.Matches(lead))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class AnyNode(CompiledCondition[] children) : CompiledCondition
    {
        public override Expression ToExpression(Expression lead)
            => children.Select(c => c.ToExpression(lead)).Aggregate((Expression)Expression.Constant(false), Expression.OrElse);

        public override bool Matches(Lead lead)
        {
            foreach (var child in children)
            {
                if (child.Matches(lead))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class NotNode(CompiledCondition child) : CompiledCondition
    {
        public override bool Matches(Lead lead) => !child.Matches(lead);

        public override Expression ToExpression(Expression lead) => Expression.Not(child.ToExpression(lead));
    }

    private sealed class GenericNode(AttributeCondition condition) : CompiledCondition
    {
        public override bool Matches(Lead lead) => condition.Definition.Matches(lead);
    }

    /// <summary>Named values as a 64-bit mask: <c>Equals</c> tests the first value only, the others all values.</summary>
    private sealed class NamedNode(LeadField field, ulong mask, bool negate) : CompiledCondition
    {
        public static NamedNode Create(LeadField field, FieldOperator op, int[] enumValues)
        {
            var mask = 0UL;
            var count = op == FieldOperator.Equals ? Math.Min(1, enumValues.Length) : enumValues.Length;
            for (var i = 0; i < count; i++)
            {
                if (enumValues[i] is >= 0 and < 64)
                {
                    mask |= 1UL << enumValues[i];
                }
            }

            return new NamedNode(field, mask, op is FieldOperator.NotEquals or FieldOperator.NotIn);
        }

        public override bool Matches(Lead lead) => IsIn(LeadFields.ReadNamed(lead, field), mask) != negate;

        public override Expression ToExpression(Expression lead)
        {
            var isIn = LeadFieldExpressions.IsIn(LeadFieldExpressions.Named(lead, field), mask);
            return negate ? Expression.Not(isIn) : isIn;
        }
    }

    /// <summary><c>lo &lt;= x &lt;= hi</c>; a NaN bound (a bound the operator needs but the condition lacks) never matches.</summary>
    private sealed class NumberRangeNode(LeadField field, double lo, double hi) : CompiledCondition
    {
        public override bool Matches(Lead lead) => LeadFields.TryReadNumber(lead, field, out var number) && number >= lo && number <= hi;

        public override Expression ToExpression(Expression lead)
        {
            var number = Expression.Variable(typeof(double), "number");
            return Expression.Block(
                [number],
                Expression.AndAlso(
                    LeadFieldExpressions.TryNumber(lead, field, number),
                    Expression.AndAlso(
                        Expression.GreaterThanOrEqual(number, Expression.Constant(lo)),
                        Expression.LessThanOrEqual(number, Expression.Constant(hi)))));
        }
    }

    private sealed class CustomNumberRangeNode(CustomFieldKey key, double lo, double hi) : CompiledCondition
    {
        public override bool Matches(Lead lead)
            => lead.TryGetCustomField(key, out var value) && value.Kind == CustomFieldValueKind.Number && value.Number >= lo && value.Number <= hi;
    }

    private sealed class BooleanNode(LeadField field, bool expected) : CompiledCondition
    {
        public override bool Matches(Lead lead) => LeadFields.TryReadBoolean(lead, field, out var value) && value == expected;

        public override Expression ToExpression(Expression lead)
        {
            var value = Expression.Variable(typeof(bool), "value");
            return Expression.Block(
                [value],
                Expression.AndAlso(LeadFieldExpressions.TryBoolean(lead, field, value), Expression.Equal(value, Expression.Constant(expected))));
        }
    }

    /// <summary>Text equal (ignoring case) to one of a few values; a missing value never matches, negated or not.</summary>
    private sealed class TextInNode(LeadField field, string[] values, bool negate) : CompiledCondition
    {
        public override bool Matches(Lead lead)
        {
            var text = LeadFields.ReadText(lead, field);
            if (text is null)
            {
                return false;
            }

            foreach (var value in values)
            {
                // string.Equals compares lengths first, so most mismatches cost one comparison.
                if (string.Equals(text, value, StringComparison.OrdinalIgnoreCase))
                {
                    return !negate;
                }
            }

            return negate;
        }

        public override Expression ToExpression(Expression lead)
        {
            var text = Expression.Variable(typeof(string), "text");
            Expression any = values
                .Select(v => (Expression)Expression.Call(StringEqualsMethod, text, Expression.Constant(v), Expression.Constant(StringComparison.OrdinalIgnoreCase)))
                .Aggregate((Expression)Expression.Constant(false), Expression.OrElse);
            return Expression.Block(
                [text],
                Expression.Assign(text, LeadFieldExpressions.Text(lead, field)),
                Expression.AndAlso(Expression.NotEqual(text, Expression.Constant(null, typeof(string))), negate ? Expression.Not(any) : any));
        }
    }

    private sealed class TextSetNode(LeadField field, FrozenSet<string> values, bool negate) : CompiledCondition
    {
        public override bool Matches(Lead lead) => LeadFields.ReadText(lead, field) is { } text && values.Contains(text) != negate;
    }

    private sealed class TextContainsNode(LeadField field, KeywordSearch search) : CompiledCondition
    {
        private static readonly MethodInfo IsInMethod = typeof(KeywordSearch).GetMethod(nameof(KeywordSearch.IsIn), [typeof(string)])!;

        public override bool Matches(Lead lead) => LeadFields.ReadText(lead, field) is { } text && search.IsIn(text);

        // The field read inline with the field as a constant, as the other text nodes do, so no switch on the field runs.
        public override Expression ToExpression(Expression lead)
        {
            var text = Expression.Variable(typeof(string), "text");
            return Expression.Block(
                [text],
                Expression.Assign(text, LeadFieldExpressions.Text(lead, field)),
                Expression.AndAlso(Expression.NotEqual(text, Expression.Constant(null, typeof(string))), Expression.Call(Expression.Constant(search), IsInMethod, text)));
        }
    }
}
