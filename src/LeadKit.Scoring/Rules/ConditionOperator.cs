namespace LeadKit.Scoring.Rules;

/// <summary>
/// The closed set of operators of an <see cref="AttributeCondition"/>. Text comparisons are ordinal and ignore
/// case; a missing field matches only <see cref="NotExists"/>.
/// </summary>
public enum ConditionOperator
{
    /// <summary>Not set (invalid).</summary>
    None = 0,

    /// <summary>Text or named value equals the first value; number equals <c>Min</c>.</summary>
    Equals,

    /// <summary>Text or named value differs from every value.</summary>
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

    /// <summary>Number is at least <c>Min</c>.</summary>
    AtLeast,

    /// <summary>Number is at most <c>Max</c>.</summary>
    AtMost,

    /// <summary>Number is in <c>[Min, Max]</c>.</summary>
    Between,

    /// <summary>Boolean is true.</summary>
    IsTrue,

    /// <summary>Boolean is false.</summary>
    IsFalse,

    /// <summary>The field has a value.</summary>
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
