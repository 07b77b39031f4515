namespace LeadKit.Abstractions.Fields;

/// <summary>The type of a <see cref="LeadField"/>, and of a <see cref="FieldValue"/> read from a lead.</summary>
public enum FieldType
{
    /// <summary>No value: the lead does not have the fact (for a value), or the field is not one of the documented fields.</summary>
    None = 0,

    /// <summary>Text, compared ordinally ignoring case (<see cref="StringComparison.OrdinalIgnoreCase"/>).</summary>
    Text,

    /// <summary>A finite number.</summary>
    Number,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A named value: an enum's value, written as its camelCase name and compared by name ignoring case.</summary>
    Named,

    /// <summary>A date (custom attributes only): only <see cref="FieldOperator.Exists"/> and <see cref="FieldOperator.NotExists"/> test it.</summary>
    Date,

    /// <summary>A custom attribute's field: its values have the type of the lead's value (text, number, boolean or date).</summary>
    Custom,
}
