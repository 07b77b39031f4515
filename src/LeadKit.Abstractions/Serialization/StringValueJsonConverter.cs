using System.Text.Json;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Serialization;

/// <summary>
/// Reads and writes a vocabulary value (a lower-case machine name) as a plain JSON string. Reading only looks the name
/// up, never registers it; text that is not a machine name, or not valid UTF-8 / UTF-16, becomes a
/// <see cref="JsonException"/> that says which rule it breaks without repeating the text (the serializer adds the
/// JSON path of the property).
/// </summary>
internal abstract class StringValueJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    // The longest JSON token a machine name can be: 64 characters, each at most 6 bytes as a \u escape.
    private const int MaximumTokenBytes = Slug.MaximumLength * 6;

    /// <summary>Creates the value of a text that <see cref="Slug.Check"/> accepted.</summary>
    protected abstract T Create(string text);

    protected abstract string? GetText(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name} but found {reader.TokenType}.");
        }

        return CreateChecked(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(GetTextChecked(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => CreateChecked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WritePropertyName(GetTextChecked(value));

    private T CreateChecked(ref Utf8JsonReader reader)
    {
        // A long token is refused before it is decoded, so a huge string costs no allocation.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaximumTokenBytes)
        {
            throw new JsonException($"A {typeof(T).Name} must be at most {Slug.MaximumLength} characters.");
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8, or an escaped lone surrogate: the reader cannot decode the token.
            throw new JsonException($"A {typeof(T).Name} must be valid UTF-8 text.", ex);
        }

        return Slug.Check(text) is { } problem
            ? throw new JsonException($"A {typeof(T).Name} {problem}")
            : Create(text);
    }

    private string GetTextChecked(T value)
        => GetText(value) ?? throw new JsonException($"Cannot write an unset (default) {typeof(T).Name}.");
}
