using System.Text;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Leads;

/// <summary>One application-defined field (custom attribute) of a lead: a key and a typed value.</summary>
/// <remarks><see cref="ToString"/> prints the key and the kind of value, never the value (a text can be anything).</remarks>
public readonly record struct CustomField
{
    /// <summary>Creates a custom field.</summary>
    /// <param name="key">The attribute key; must be set.</param>
    /// <param name="value">The typed value; must be set.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="value"/> is the default (unset) value.</exception>
    [JsonConstructor]
    public CustomField(CustomFieldKey key, CustomFieldValue value)
    {
        Key = Guard.NotDefaultValue(key);
        Value = value.Kind == CustomFieldValueKind.None
            ? throw new ArgumentException("The value of a custom field must be set.", nameof(value))
            : value;
    }

    /// <summary>Gets the attribute key.</summary>
    public CustomFieldKey Key { get; }

    /// <summary>Gets the typed value.</summary>
    public CustomFieldValue Value { get; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key).Append(", Value = ").Append(Value.Kind);
        return true;
    }
}
