using System.Text.Json;
using LeadKit.Abstractions.Fields;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.RuleSets;

/// <summary>Writes an <see cref="AttributeCondition"/> as the <c>when</c> object of the JSON rule-set format, which reads it back unchanged.</summary>
internal static class ConditionJsonWriter
{
    public static void Write(Utf8JsonWriter json, AttributeCondition condition)
    {
        json.WriteStartObject();
        switch (condition.Operator)
        {
            case FieldOperator.All or FieldOperator.Any:
                json.WriteStartArray(condition.Operator == FieldOperator.All ? "all" : "any");
                foreach (var child in condition.Conditions)
                {
                    Write(json, child);
                }

                json.WriteEndArray();
                break;
            case FieldOperator.Not:
                json.WritePropertyName("not");
                Write(json, condition.Conditions[0]);
                break;
            default:
                json.WriteString("field", LeadFields.NameOf(condition.Field));
                if (condition.Field == LeadField.Custom)
                {
                    json.WriteString("key", condition.CustomKey.Value);
                }

                json.WriteString("op", FieldOperators.NameOf(condition.Operator));
                if (!condition.Values.IsEmpty)
                {
                    json.WriteStartArray("values");
                    var named = LeadFields.TypeOf(condition.Field) == FieldType.Named ? LeadFields.NamedValues(condition.Field) : [];
                    for (var i = 0; i < condition.Values.Length; i++)
                    {
                        // Named values are written in the format's camelCase spelling, whatever case they were given in.
                        var known = named.Length > 0 ? condition.EnumValues[i] : -1;
                        json.WriteStringValue(known >= 0 ? named[known] : condition.Values[i]);
                    }

                    json.WriteEndArray();
                }

                if (condition.Min is { } min)
                {
                    json.WriteNumber("min", min);
                }

                if (condition.Max is { } max)
                {
                    json.WriteNumber("max", max);
                }

                break;
        }

        json.WriteEndObject();
    }
}
