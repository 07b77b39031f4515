using System.Collections.Immutable;

namespace LeadKit.Abstractions.Fields;

/// <summary>The JSON names of the <see cref="FieldOperator"/>s and which <see cref="FieldType"/>s each applies to.</summary>
public static class FieldOperators
{
    private static readonly (FieldOperator Operator, string Name)[] Table =
    [
        (FieldOperator.Equals, "equals"), (FieldOperator.NotEquals, "notEquals"), (FieldOperator.In, "in"),
        (FieldOperator.NotIn, "notIn"), (FieldOperator.StartsWith, "startsWith"), (FieldOperator.EndsWith, "endsWith"),
        (FieldOperator.Contains, "contains"), (FieldOperator.AtLeast, "atLeast"), (FieldOperator.AtMost, "atMost"),
        (FieldOperator.Between, "between"), (FieldOperator.IsTrue, "isTrue"), (FieldOperator.IsFalse, "isFalse"),
        (FieldOperator.Exists, "exists"), (FieldOperator.NotExists, "notExists"),
    ];

    /// <summary>Gets the JSON names of the operators that test a field (<c>equals</c>, ..., <c>notExists</c>); <c>all</c>, <c>any</c> and <c>not</c> are keys of their own.</summary>
    public static ImmutableArray<string> Names { get; } = [.. Table.Select(o => o.Name)];

    /// <summary>Gets an operator's JSON name, e.g. <c>atLeast</c>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The name; <c>all</c>, <c>any</c>, <c>not</c> for the combinators; <c>none</c> for an undefined value.</returns>
    public static string NameOf(FieldOperator op) => op switch
    {
        FieldOperator.All => "all",
        FieldOperator.Any => "any",
        FieldOperator.Not => "not",
        _ => Find(op),
    };

    /// <summary>Finds a field operator by its JSON name (ordinal).</summary>
    /// <param name="name">The name.</param>
    /// <param name="op">The operator, or <see cref="FieldOperator.None"/>.</param>
    /// <returns><see langword="true"/> when the name is one of <see cref="Names"/>.</returns>
    public static bool TryParse(string? name, out FieldOperator op)
    {
        foreach (var o in Table)
        {
            if (string.Equals(o.Name, name, StringComparison.Ordinal))
            {
                op = o.Operator;
                return true;
            }
        }

        op = FieldOperator.None;
        return false;
    }

    /// <summary>Whether an operator can test a field of a type.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="type">The field's type; <see cref="FieldType.Custom"/> accepts every operator that tests a value.</param>
    /// <returns><see langword="true"/> when <see cref="FieldCondition.Validate"/> accepts the pair.</returns>
    public static bool AppliesTo(FieldOperator op, FieldType type)
    {
        if (op is FieldOperator.Exists or FieldOperator.NotExists)
        {
            return type != FieldType.None;
        }

        return type switch
        {
            FieldType.Text => IsText(op),
            FieldType.Named => op is FieldOperator.Equals or FieldOperator.NotEquals or FieldOperator.In or FieldOperator.NotIn,
            FieldType.Number => IsNumber(op),
            FieldType.Boolean => IsBoolean(op),
            FieldType.Custom => IsText(op) || IsNumber(op) || IsBoolean(op),
            _ => false,
        };
    }

    /// <summary>The operators that compare text (and, the first four, named values) with <see cref="FieldCondition.Values"/>.</summary>
    internal static bool IsText(FieldOperator op) => op is FieldOperator.Equals or FieldOperator.NotEquals or FieldOperator.In
        or FieldOperator.NotIn or FieldOperator.StartsWith or FieldOperator.EndsWith or FieldOperator.Contains;

    /// <summary>The operators that compare a number with <see cref="FieldCondition.Min"/> and <see cref="FieldCondition.Max"/>.</summary>
    internal static bool IsNumber(FieldOperator op) => op is FieldOperator.Equals or FieldOperator.AtLeast or FieldOperator.AtMost or FieldOperator.Between;

    internal static bool IsBoolean(FieldOperator op) => op is FieldOperator.IsTrue or FieldOperator.IsFalse;

    private static string Find(FieldOperator op)
    {
        foreach (var o in Table)
        {
            if (o.Operator == op)
            {
                return o.Name;
            }
        }

        return "none";
    }
}
