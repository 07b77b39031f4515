using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadKit.Abstractions.Serialization;

/// <summary>
/// Writes a validated text value type as a plain JSON string; invalid text becomes a
/// <see cref="JsonException"/> (the serializer adds the JSON path of the property).
/// </summary>
internal abstract class StringValueJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    protected abstract T Create(string text);

    protected abstract string? GetText(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name} but found {reader.TokenType}.");
        }

        return CreateChecked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(GetTextChecked(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => CreateChecked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WritePropertyName(GetTextChecked(value));

    private T CreateChecked(string text)
    {
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
