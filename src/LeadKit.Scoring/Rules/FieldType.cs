namespace LeadKit.Scoring.Rules;

/// <summary>The type of a lead field's value.</summary>
internal enum FieldType
{
    Missing = 0,
    Text,
    Number,
    Boolean,
    Named,
    Any,
}
