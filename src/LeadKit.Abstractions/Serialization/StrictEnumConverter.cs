using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadKit.Abstractions.Serialization;

/// <summary>
/// Writes enums by camelCase name (<c>vicePresident</c>, the spelling the rule sets use) and reads any letter case
/// of a name; numbers, lists of names (<c>"a, b"</c>) and unknown names are a <see cref="JsonException"/> that lists
/// the accepted names and does not repeat the text it was given.
/// </summary>
/// <typeparam name="TEnum">The enum type (not a flags enum).</typeparam>
internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] s_values = Enum.GetValues<TEnum>();
    private static readonly string[] s_names = Array.ConvertAll(Enum.GetNames<TEnum>(), JsonNamingPolicy.CamelCase.ConvertName);
    private static readonly string s_accepted = string.Join(", ", s_names);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected one of the names {s_accepted} but found {reader.TokenType}.");
        }

        return Find(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        => writer.WriteStringValue(NameOf(value));

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Find(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        => writer.WritePropertyName(NameOf(value));

    private static TEnum Find(ref Utf8JsonReader reader)
    {
        // Names are short ASCII words, so a longer token cannot match and is not read into a string at all.
        if (reader.ValueSpan.Length <= 64 && !reader.HasValueSequence)
        {
            var text = reader.GetString();
            for (var i = 0; i < s_names.Length; i++)
            {
                if (string.Equals(s_names[i], text, StringComparison.OrdinalIgnoreCase))
                {
                    return s_values[i];
                }
            }
        }

        throw new JsonException($"Expected one of the names {s_accepted} (in any letter case).");
    }

    private static string NameOf(TEnum value)
    {
        var i = Array.IndexOf(s_values, value);
        return i >= 0 ? s_names[i] : throw new JsonException($"Cannot write an undefined {typeof(TEnum).Name} value.");
    }
}
