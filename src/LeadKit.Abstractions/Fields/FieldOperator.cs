namespace LeadKit.Abstractions.Fields;

/// <summary>
/// The closed set of operators of a <see cref="FieldCondition"/>; <see cref="FieldCondition.Matches"/> is the one
/// definition of what each means.
/// </summary>
/// <remarks>
/// <para>Text comparisons, every one of them (equality, one-of, prefix, suffix, contains), are ordinal and ignore case
/// (<see cref="StringComparison.OrdinalIgnoreCase"/>): <c>"Software"</c> equals <c>"SOFTWARE"</c>, no culture is
/// involved. Named values compare by name ignoring case.</para>
/// <para>A missing value matches only <see cref="NotExists"/>: <see cref="NotEquals"/> and <see cref="NotIn"/> do
/// not match a lead that lacks the fact. A value of the wrong type (a text custom attribute under a number operator)
/// does not match.</para>
/// </remarks>
public enum FieldOperator
{
    /// <summary>Not set (invalid).</summary>
    None = 0,

    /// <summary>Text or named value equals the one value; number equals <see cref="FieldCondition.Min"/>.</summary>
    Equals,

    /// <summary>Text or named value differs from the one value.</summary>
    NotEquals,

    /// <summary>Text or named value is one of the values.</summary>
    In,

    /// <summary>Text or named value is none of the values.</summary>
    NotIn,

    /// <summary>Text starts with one of the values.</summary>
    StartsWith,

    /// <summary>Text ends with one of the values.</summary>
    EndsWith,

    /// <summary>Text contains one of the values.</summary>
    Contains,

    /// <summary>Number is at least <see cref="FieldCondition.Min"/>: <c>x &gt;= Min</c>.</summary>
    AtLeast,

    /// <summary>Number is at most <see cref="FieldCondition.Max"/>: <c>x &lt;= Max</c>.</summary>
    AtMost,

    /// <summary>Number is in <c>[Min, Max]</c>: <c>Min &lt;= x &lt;= Max</c>.</summary>
    Between,

    /// <summary>Boolean is true.</summary>
    IsTrue,

    /// <summary>Boolean is false.</summary>
    IsFalse,

    /// <summary>The field has a value (of any type).</summary>
    Exists,

    /// <summary>The field has no value.</summary>
    NotExists,

    /// <summary>Every nested condition holds.</summary>
    All,

    /// <summary>At least one nested condition holds.</summary>
    Any,

    /// <summary>The single nested condition does not hold.</summary>
    Not,
}
