using LeadKit.Abstractions.Fields;

namespace LeadKit.Learning.Scorecards;

/// <summary>
/// Recognises the leaf conditions a scorecard tests without calling the condition: text equality, number ranges and
/// named-value masks on built-in fields. Each form is <see cref="FieldCondition.Matches"/> for the operators it takes
/// (text ordinal ignoring case, a missing value matching only <c>notExists</c>); anything else is left to the
/// condition itself. The scorecard's tests compare both on every lead.
/// </summary>
internal static class FieldTests
{
    /// <summary>Text <c>equals</c> (a lead's text equals <paramref name="text"/> ignoring case) or <c>notExists</c> (<paramref name="text"/> is null: the lead has no text).</summary>
    public static bool TryGetText(FieldCondition condition, out LeadField field, out string? text)
    {
        field = condition.Field;
        text = null;
        if (!IsBuiltInLeaf(condition, FieldType.Text))
        {
            return false;
        }

        switch (condition.Operator)
        {
            case FieldOperator.Equals when condition.Values.Length > 0 && condition.Values[0] is not null:
                text = condition.Values[0];
                return true;
            case FieldOperator.NotExists:
                return true;
            default:
                return false;
        }
    }

    /// <summary>A number in <c>[low, high]</c>: <c>equals</c> is <c>[min, min]</c>, <c>atLeast</c> <c>[min, +∞]</c>, <c>atMost</c> <c>[−∞, max]</c>, <c>between</c> <c>[min, max]</c>; a missing number never matches.</summary>
    public static bool TryGetNumberRange(FieldCondition condition, out LeadField field, out double low, out double high)
    {
        field = condition.Field;
        (low, high) = (double.NegativeInfinity, double.PositiveInfinity);
        if (!IsBuiltInLeaf(condition, FieldType.Number))
        {
            return false;
        }

        switch (condition.Operator)
        {
            case FieldOperator.Equals when condition.Min is { } value:
                (low, high) = (value, value);
                return true;
            case FieldOperator.AtLeast when condition.Min is { } min:
                low = min;
                return true;
            case FieldOperator.AtMost when condition.Max is { } max:
                high = max;
                return true;
            case FieldOperator.Between when condition.Min is { } min && condition.Max is { } max:
                (low, high) = (min, max);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A named value in a set, as a bit mask by enum value: <c>equals</c> (the first value), <c>in</c>; <c>notEquals</c> and
    /// <c>notIn</c> are the same mask with <paramref name="negate"/>. A value that names nothing adds no bit, as it matches nothing.
    /// </summary>
    public static bool TryGetNamedMask(FieldCondition condition, out LeadField field, out ulong mask, out bool negate)
    {
        field = condition.Field;
        mask = 0;
        negate = condition.Operator is FieldOperator.NotEquals or FieldOperator.NotIn;
        if (!IsBuiltInLeaf(condition, FieldType.Named) || condition.Operator is not (FieldOperator.Equals or FieldOperator.In or FieldOperator.NotEquals or FieldOperator.NotIn))
        {
            return false;
        }

        var values = condition.Operator == FieldOperator.Equals ? condition.Values.AsSpan(0, Math.Min(1, condition.Values.Length)) : condition.Values.AsSpan();
        foreach (var value in values)
        {
            if (LeadFields.TryParseNamedValue(field, value, out var named) && named < 64)
            {
                mask |= 1UL << named;
            }
        }

        return true;
    }

    private static bool IsBuiltInLeaf(FieldCondition condition, FieldType type)
        => condition.Conditions.IsEmpty && condition.Field != LeadField.Custom && LeadFields.TypeOf(condition.Field) == type;
}
