using System.Text.Json;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// One JSON property of a rule kind's or decay kind's document: the reader accepts exactly the properties a kind lists
/// (plus the shared ones), and the published JSON Schema is generated from the same list, so the two cannot disagree.
/// </summary>
public sealed class ScoringKindProperty
{
    /// <summary>Creates the property.</summary>
    /// <param name="name">The JSON property name, camelCase (ASCII letters and digits, starting with a lower-case letter).</param>
    /// <param name="schema">The property's JSON Schema fragment as JSON text, e.g. <c>{ "type": "number" }</c>.</param>
    /// <param name="required">Whether every document of the kind must give it.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not camelCase, or <paramref name="schema"/> is not a JSON Schema (an object, <c>true</c> or <c>false</c>).</exception>
    public ScoringKindProperty(string name, string schema, bool required = false)
    {
        ScoringRuleKind.CheckName(name, nameof(name));
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        try
        {
            using var fragment = JsonDocument.Parse(schema);
            if (fragment.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
            {
                throw new ArgumentException("schema must be a JSON Schema: an object, true or false.", nameof(schema));
            }
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("schema must be valid JSON.", nameof(schema), ex);
        }

        Name = name;
        Schema = schema;
        Required = required;
    }

    /// <summary>Gets the JSON property name.</summary>
    public string Name { get; }

    /// <summary>Gets the JSON Schema fragment describing the property's value, as JSON text.</summary>
    public string Schema { get; }

    /// <summary>Gets a value indicating whether every document of the kind must give the property.</summary>
    public bool Required { get; }
}
