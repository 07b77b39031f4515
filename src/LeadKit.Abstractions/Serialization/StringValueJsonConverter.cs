using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadKit.Abstractions.Serialization;

/// <summary>
/// Writes a validated text value type as a plain JSON string; invalid text, and text that is not valid UTF-8 / UTF-16,
/// becomes a <see cref="JsonException"/> (the serializer adds the JSON path of the property).
/// </summary>
internal abstract class StringValueJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    /// <summary>Creates the value; an <see cref="ArgumentException"/> becomes a <see cref="JsonException"/>.</summary>
    protected abstract T Create(string text);

    /// <summary>Gets the most characters a valid text has, so a longer token is refused before it is decoded; <see langword="null"/> for no limit here.</summary>
    protected virtual int? MaximumLength => null;

    /// <summary>Returns why <paramref name="text"/> is refused (a phrase after the type's name), or <see langword="null"/> to let <see cref="Create"/> decide.</summary>
    protected virtual string? Check(string text) => null;

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
        // A long token is refused before it is decoded, so a huge string costs no allocation (6 bytes: a \u escape).
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (MaximumLength is { } maximum && length > 6L * maximum)
        {
            throw new JsonException($"A {typeof(T).Name} must be at most {maximum} characters.");
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

        if (Check(text) is { } problem)
        {
            throw new JsonException($"A {typeof(T).Name} {problem}");
        }

        try
        {
            return Create(text);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    private string GetTextChecked(T value)
        => GetText(value) ?? throw new JsonException($"Cannot write an unset (default) {typeof(T).Name}.");
}
