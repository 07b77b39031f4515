using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Leads;

/// <summary>A typed value of a custom field: text, number, boolean or date.</summary>
/// <remarks>Serialized as a JSON object with exactly one property: <c>{"text":"pro"}</c>, <c>{"number":25}</c>, <c>{"boolean":true}</c> or <c>{"date":"2026-05-01T00:00:00+00:00"}</c>.</remarks>
[JsonConverter(typeof(CustomFieldValueJsonConverter))]
public readonly record struct CustomFieldValue
{
    /// <summary>The longest text value accepted.</summary>
    public const int MaximumTextLength = 1024;

    private CustomFieldValue(CustomFieldValueKind kind, string? text, double number, bool boolean, DateTimeOffset date)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Boolean = boolean;
        Date = date;
    }

    /// <summary>Gets the type of the value.</summary>
    public CustomFieldValueKind Kind { get; }

    /// <summary>Gets the text when <see cref="Kind"/> is <see cref="CustomFieldValueKind.Text"/>; otherwise <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>Gets the number when <see cref="Kind"/> is <see cref="CustomFieldValueKind.Number"/>; otherwise 0.</summary>
    public double Number { get; }

    /// <summary>Gets the boolean when <see cref="Kind"/> is <see cref="CustomFieldValueKind.Boolean"/>; otherwise <see langword="false"/>.</summary>
    public bool Boolean { get; }

    /// <summary>Gets the date when <see cref="Kind"/> is <see cref="CustomFieldValueKind.Date"/>; otherwise the default.</summary>
    public DateTimeOffset Date { get; }

    /// <summary>Creates a text value.</summary>
    /// <param name="text">The text: not null, at most 1,024 characters.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="MaximumTextLength"/>.</exception>
    public static CustomFieldValue FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaximumTextLength)
        {
            throw new ArgumentException($"text must be at most {MaximumTextLength} characters (was {text.Length}).", nameof(text));
        }

        return new(CustomFieldValueKind.Text, text, 0, false, default);
    }

    /// <summary>Creates a number value.</summary>
    /// <param name="number">A finite number.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is NaN or infinite.</exception>
    public static CustomFieldValue FromNumber(double number) => new(CustomFieldValueKind.Number, null, Guard.Finite(number), false, default);

    /// <summary>Creates a boolean value.</summary>
    /// <param name="boolean">The boolean.</param>
    /// <returns>The value.</returns>
    public static CustomFieldValue FromBoolean(bool boolean) => new(CustomFieldValueKind.Boolean, null, 0, boolean, default);

    /// <summary>Creates a date value.</summary>
    /// <param name="date">A date that is not the default value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is the default value.</exception>
    public static CustomFieldValue FromDate(DateTimeOffset date) => new(CustomFieldValueKind.Date, null, 0, false, Guard.NotDefault(date));

    /// <summary>Formats the value with invariant culture.</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => Kind switch
    {
        CustomFieldValueKind.Text => Text!,
        CustomFieldValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        CustomFieldValueKind.Boolean => Boolean ? "true" : "false",
        CustomFieldValueKind.Date => Date.ToString("O", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}

/// <summary>JSON converter for <see cref="CustomFieldValue"/>: an object with exactly one typed property.</summary>
internal sealed class CustomFieldValueJsonConverter : JsonConverter<CustomFieldValue>
{
    public override CustomFieldValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object such as {{\"text\":\"...\"}} for a custom field value but found {reader.TokenType}.");
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("A custom field value must have exactly one of the properties text, number, boolean or date.");
        }

        var name = reader.GetString();
        reader.Read();
        CustomFieldValue value;
        try
        {
            value = name switch
            {
                "text" when reader.TokenType == JsonTokenType.String => CustomFieldValue.FromText(reader.GetString()!),
                "number" when reader.TokenType == JsonTokenType.Number => CustomFieldValue.FromNumber(reader.GetDouble()),
                "boolean" when reader.TokenType is JsonTokenType.True or JsonTokenType.False => CustomFieldValue.FromBoolean(reader.GetBoolean()),
                "date" when reader.TokenType == JsonTokenType.String => CustomFieldValue.FromDate(reader.GetDateTimeOffset()),
                "text" or "number" or "boolean" or "date" => throw new JsonException($"The custom field property has a {reader.TokenType} value of the wrong type for it."),
                _ => throw new JsonException("Unknown custom field value property; expected text, number, boolean or date."),
            };
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
        catch (FormatException ex)
        {
            throw new JsonException($"The custom field date is not an ISO 8601 date: {ex.Message}", ex);
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A custom field value must have exactly one of the properties text, number, boolean or date.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, CustomFieldValue value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value.Kind)
        {
            case CustomFieldValueKind.Text:
                writer.WriteString("text", value.Text);
                break;
            case CustomFieldValueKind.Number:
                writer.WriteNumber("number", value.Number);
                break;
            case CustomFieldValueKind.Boolean:
                writer.WriteBoolean("boolean", value.Boolean);
                break;
            case CustomFieldValueKind.Date:
                writer.WriteString("date", value.Date);
                break;
            default:
                throw new JsonException("Cannot write an unset (default) custom field value.");
        }

        writer.WriteEndObject();
    }
}
