using LeadKit.Abstractions.Leads;

namespace LeadKit.Scoring.Rules;

/// <summary>A lead field's value read without allocating.</summary>
internal readonly struct FieldValue
{
    private FieldValue(FieldType type, string? text, double number, bool boolean, int named)
    {
        Type = type;
        Text = text;
        Number = number;
        Boolean = boolean;
        Named = named;
    }

    public FieldType Type { get; }

    public string? Text { get; }

    public double Number { get; }

    public bool Boolean { get; }

    public int Named { get; }

    public static FieldValue Read(Lead lead, LeadField field, Abstractions.Leads.CustomFieldKey key)
    {
        if (field == LeadField.Custom)
        {
            return ReadCustom(lead, key);
        }

        switch (LeadFieldNames.TypeOf(field))
        {
            case FieldType.Text:
                return OfText(LeadFieldReader.Text(lead, field));
            case FieldType.Named:
                return OfNamed(LeadFieldReader.Named(lead, field));
            case FieldType.Number:
                return LeadFieldReader.TryNumber(lead, field, out var number) ? OfNumber(number) : default;
            case FieldType.Boolean:
                return LeadFieldReader.TryBoolean(lead, field, out var boolean) ? OfBoolean(boolean) : default;
            default:
                return default;
        }
    }

    private static FieldValue ReadCustom(Lead lead, Abstractions.Leads.CustomFieldKey key)
    {
        if (!lead.TryGetCustomField(key, out var value))
        {
            return default;
        }

        return value.Kind switch
        {
            CustomFieldValueKind.Text => OfText(value.Text),
            CustomFieldValueKind.Number => OfNumber(value.Number),
            CustomFieldValueKind.Boolean => OfBoolean(value.Boolean),
            CustomFieldValueKind.Date => new FieldValue(FieldType.Any, null, 0, false, 0),
            _ => default,
        };
    }

    private static FieldValue OfText(string? text) => text is null ? default : new(FieldType.Text, text, 0, false, 0);

    private static FieldValue OfNumber(double number) => new(FieldType.Number, null, number, false, 0);

    private static FieldValue OfBoolean(bool boolean) => new(FieldType.Boolean, null, 0, boolean, 0);

    private static FieldValue OfNamed(int named) => new(FieldType.Named, null, 0, false, named);
}
