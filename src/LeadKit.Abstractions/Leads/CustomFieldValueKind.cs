using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Leads;

/// <summary>The type of a custom field value.</summary>
[JsonConverter(typeof(StrictEnumConverter<CustomFieldValueKind>))]
public enum CustomFieldValueKind
{
    /// <summary>No value (the default, rejected by the domain model).</summary>
    None = 0,

    /// <summary>A text value.</summary>
    Text,

    /// <summary>A finite number.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A date and time with offset.</summary>
    Date,
}
