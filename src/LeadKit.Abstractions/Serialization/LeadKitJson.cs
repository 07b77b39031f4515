using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;

namespace LeadKit.Abstractions.Serialization;

/// <summary>
/// Reads and writes the domain model as JSON with source-generated (AOT-safe) metadata: camelCase property and enum
/// names (enum names are read in any letter case), unknown and repeated properties rejected, a UTF-8 byte-order mark
/// accepted, the <see cref="LeadKitJsonLimits"/> enforced while reading. Every failure is a <see cref="JsonException"/>
/// whose message starts with the JSON path (or names the domain property whose validation failed) and never repeats
/// a value of the document.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class LeadKitJson
{
    /// <summary>Gets the serializer options used by this class (read-only).</summary>
    public static JsonSerializerOptions Options => LeadKitJsonContext.Default.Options;

    /// <summary>Gets the type-info resolver, to combine LeadKit's metadata with an application's own context.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => LeadKitJsonContext.Default;

    /// <summary>Writes a lead as JSON.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Lead lead) => JsonSerializer.Serialize(lead, LeadKitJsonContext.Default.Lead);

    /// <summary>Writes a deal as JSON.</summary>
    /// <param name="deal">The deal.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Deal deal) => JsonSerializer.Serialize(deal, LeadKitJsonContext.Default.Deal);

    /// <summary>Writes a stage change as JSON.</summary>
    /// <param name="change">The stage change.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(StageChange change) => JsonSerializer.Serialize(change, LeadKitJsonContext.Default.StageChange);

    /// <summary>Writes a sales rep as JSON.</summary>
    /// <param name="rep">The sales rep.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(SalesRep rep) => JsonSerializer.Serialize(rep, LeadKitJsonContext.Default.SalesRep);

    /// <summary>Reads a lead from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is ignored).</param>
    /// <returns>The lead.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid lead.</exception>
    public static Lead DeserializeLead(string json) => FromText(json, LeadKitJsonContext.Default.Lead, LeadKitJsonLimits.Default);

    /// <summary>Reads a lead from JSON text with the given limits.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is ignored).</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The lead.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid lead.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static Lead DeserializeLead(string json, LeadKitJsonLimits limits) => FromText(json, LeadKitJsonContext.Default.Lead, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a lead from UTF-8 JSON with the default limits.</summary>
    /// <param name="utf8Json">The UTF-8 bytes (a leading byte-order mark is ignored).</param>
    /// <returns>The lead.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid lead.</exception>
    public static Lead DeserializeLead(ReadOnlySpan<byte> utf8Json) => FromUtf8(utf8Json, LeadKitJsonContext.Default.Lead, LeadKitJsonLimits.Default);

    /// <summary>Reads a lead from UTF-8 JSON with the given limits.</summary>
    /// <param name="utf8Json">The UTF-8 bytes (a leading byte-order mark is ignored).</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The lead.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid lead.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static Lead DeserializeLead(ReadOnlySpan<byte> utf8Json, LeadKitJsonLimits limits) => FromUtf8(utf8Json, LeadKitJsonContext.Default.Lead, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a lead from a UTF-8 JSON stream, reading no more than the size limit allows with the default limits.</summary>
    /// <param name="utf8Json">The stream (a leading byte-order mark is ignored); read to its end or to the size limit, not closed.</param>
    /// <returns>The lead.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid lead.</exception>
    public static Lead DeserializeLead(Stream utf8Json) => FromStream(utf8Json, LeadKitJsonContext.Default.Lead, LeadKitJsonLimits.Default);

    /// <summary>Reads a lead from a UTF-8 JSON stream, reading no more than the size limit allows with the given limits.</summary>
    /// <param name="utf8Json">The stream (a leading byte-order mark is ignored); read to its end or to the size limit, not closed.</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The lead.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid lead.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static Lead DeserializeLead(Stream utf8Json, LeadKitJsonLimits limits) => FromStream(utf8Json, LeadKitJsonContext.Default.Lead, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a deal from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is ignored).</param>
    /// <returns>The deal.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid deal.</exception>
    public static Deal DeserializeDeal(string json) => FromText(json, LeadKitJsonContext.Default.Deal, LeadKitJsonLimits.Default);

    /// <summary>Reads a deal from JSON text with the given limits.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is ignored).</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The deal.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid deal.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static Deal DeserializeDeal(string json, LeadKitJsonLimits limits) => FromText(json, LeadKitJsonContext.Default.Deal, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a deal from UTF-8 JSON with the default limits.</summary>
    /// <param name="utf8Json">The UTF-8 bytes (a leading byte-order mark is ignored).</param>
    /// <returns>The deal.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid deal.</exception>
    public static Deal DeserializeDeal(ReadOnlySpan<byte> utf8Json) => FromUtf8(utf8Json, LeadKitJsonContext.Default.Deal, LeadKitJsonLimits.Default);

    /// <summary>Reads a deal from UTF-8 JSON with the given limits.</summary>
    /// <param name="utf8Json">The UTF-8 bytes (a leading byte-order mark is ignored).</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The deal.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid deal.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static Deal DeserializeDeal(ReadOnlySpan<byte> utf8Json, LeadKitJsonLimits limits) => FromUtf8(utf8Json, LeadKitJsonContext.Default.Deal, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a deal from a UTF-8 JSON stream, reading no more than the size limit allows with the default limits.</summary>
    /// <param name="utf8Json">The stream (a leading byte-order mark is ignored); read to its end or to the size limit, not closed.</param>
    /// <returns>The deal.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid deal.</exception>
    public static Deal DeserializeDeal(Stream utf8Json) => FromStream(utf8Json, LeadKitJsonContext.Default.Deal, LeadKitJsonLimits.Default);

    /// <summary>Reads a deal from a UTF-8 JSON stream, reading no more than the size limit allows with the given limits.</summary>
    /// <param name="utf8Json">The stream (a leading byte-order mark is ignored); read to its end or to the size limit, not closed.</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The deal.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid deal.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static Deal DeserializeDeal(Stream utf8Json, LeadKitJsonLimits limits) => FromStream(utf8Json, LeadKitJsonContext.Default.Deal, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a stage change from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is ignored).</param>
    /// <returns>The stage change.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid stage change.</exception>
    public static StageChange DeserializeStageChange(string json) => FromText(json, LeadKitJsonContext.Default.StageChange, LeadKitJsonLimits.Default);

    /// <summary>Reads a stage change from JSON text with the given limits.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is ignored).</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The stage change.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid stage change.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static StageChange DeserializeStageChange(string json, LeadKitJsonLimits limits) => FromText(json, LeadKitJsonContext.Default.StageChange, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a stage change from UTF-8 JSON with the default limits.</summary>
    /// <param name="utf8Json">The UTF-8 bytes (a leading byte-order mark is ignored).</param>
    /// <returns>The stage change.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid stage change.</exception>
    public static StageChange DeserializeStageChange(ReadOnlySpan<byte> utf8Json) => FromUtf8(utf8Json, LeadKitJsonContext.Default.StageChange, LeadKitJsonLimits.Default);

    /// <summary>Reads a stage change from UTF-8 JSON with the given limits.</summary>
    /// <param name="utf8Json">The UTF-8 bytes (a leading byte-order mark is ignored).</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The stage change.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid stage change.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static StageChange DeserializeStageChange(ReadOnlySpan<byte> utf8Json, LeadKitJsonLimits limits) => FromUtf8(utf8Json, LeadKitJsonContext.Default.StageChange, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a stage change from a UTF-8 JSON stream, reading no more than the size limit allows with the default limits.</summary>
    /// <param name="utf8Json">The stream (a leading byte-order mark is ignored); read to its end or to the size limit, not closed.</param>
    /// <returns>The stage change.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid stage change.</exception>
    public static StageChange DeserializeStageChange(Stream utf8Json) => FromStream(utf8Json, LeadKitJsonContext.Default.StageChange, LeadKitJsonLimits.Default);

    /// <summary>Reads a stage change from a UTF-8 JSON stream, reading no more than the size limit allows with the given limits.</summary>
    /// <param name="utf8Json">The stream (a leading byte-order mark is ignored); read to its end or to the size limit, not closed.</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The stage change.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid stage change.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static StageChange DeserializeStageChange(Stream utf8Json, LeadKitJsonLimits limits) => FromStream(utf8Json, LeadKitJsonContext.Default.StageChange, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a sales rep from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is ignored).</param>
    /// <returns>The sales rep.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid sales rep.</exception>
    public static SalesRep DeserializeSalesRep(string json) => FromText(json, LeadKitJsonContext.Default.SalesRep, LeadKitJsonLimits.Default);

    /// <summary>Reads a sales rep from JSON text with the given limits.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is ignored).</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The sales rep.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid sales rep.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static SalesRep DeserializeSalesRep(string json, LeadKitJsonLimits limits) => FromText(json, LeadKitJsonContext.Default.SalesRep, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a sales rep from UTF-8 JSON with the default limits.</summary>
    /// <param name="utf8Json">The UTF-8 bytes (a leading byte-order mark is ignored).</param>
    /// <returns>The sales rep.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid sales rep.</exception>
    public static SalesRep DeserializeSalesRep(ReadOnlySpan<byte> utf8Json) => FromUtf8(utf8Json, LeadKitJsonContext.Default.SalesRep, LeadKitJsonLimits.Default);

    /// <summary>Reads a sales rep from UTF-8 JSON with the given limits.</summary>
    /// <param name="utf8Json">The UTF-8 bytes (a leading byte-order mark is ignored).</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The sales rep.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid sales rep.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static SalesRep DeserializeSalesRep(ReadOnlySpan<byte> utf8Json, LeadKitJsonLimits limits) => FromUtf8(utf8Json, LeadKitJsonContext.Default.SalesRep, limits ?? throw new ArgumentNullException(nameof(limits)));

    /// <summary>Reads a sales rep from a UTF-8 JSON stream, reading no more than the size limit allows with the default limits.</summary>
    /// <param name="utf8Json">The stream (a leading byte-order mark is ignored); read to its end or to the size limit, not closed.</param>
    /// <returns>The sales rep.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid sales rep.</exception>
    public static SalesRep DeserializeSalesRep(Stream utf8Json) => FromStream(utf8Json, LeadKitJsonContext.Default.SalesRep, LeadKitJsonLimits.Default);

    /// <summary>Reads a sales rep from a UTF-8 JSON stream, reading no more than the size limit allows with the given limits.</summary>
    /// <param name="utf8Json">The stream (a leading byte-order mark is ignored); read to its end or to the size limit, not closed.</param>
    /// <param name="limits">The limits to enforce.</param>
    /// <returns>The sales rep.</returns>
    /// <exception cref="JsonException">The JSON is malformed, over a limit or describes an invalid sales rep.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static SalesRep DeserializeSalesRep(Stream utf8Json, LeadKitJsonLimits limits) => FromStream(utf8Json, LeadKitJsonContext.Default.SalesRep, limits ?? throw new ArgumentNullException(nameof(limits)));

    private static T FromText<T>(string json, JsonTypeInfo<T> typeInfo, LeadKitJsonLimits limits)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json, nameof(json));
        var text = json.AsSpan();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        // Every UTF-16 code unit takes at least one UTF-8 byte: a text longer than the limit is refused unread.
        if (text.Length > limits.MaximumBytes)
        {
            throw TooLarge(text.Length, limits, "at least ");
        }

        var lone = FindLoneSurrogate(text);
        if (lone >= 0)
        {
            var line = text[..lone].Count('\n');
            var column = lone - (text[..lone].LastIndexOf('\n') + 1);
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"$: the text has a lone UTF-16 surrogate at line {line + 1}, character {column + 1}; it cannot be read as UTF-8."), "$", line, column);
        }

        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount > limits.MaximumBytes)
        {
            throw TooLarge(byteCount, limits, string.Empty);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(byteCount, 1));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            return Read(buffer.AsSpan(0, written), typeInfo, limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static T FromUtf8<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo, LeadKitJsonLimits limits)
        where T : class
    {
        var bytes = utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
        if (bytes.Length > limits.MaximumBytes)
        {
            throw TooLarge(bytes.Length, limits, string.Empty);
        }

        return Read(bytes, typeInfo, limits);
    }

    private static T FromStream<T>(Stream utf8Json, JsonTypeInfo<T> typeInfo, LeadKitJsonLimits limits)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(utf8Json, nameof(utf8Json));

        // Read at most the limit plus a byte-order mark plus one byte: enough to know the document is too large
        // without reading (or buffering) the rest of a hostile stream.
        var capacity = (long)limits.MaximumBytes + 4;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(capacity, 64 * 1024));
        var length = 0;
        try
        {
            int read;
            while ((read = utf8Json.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length >= capacity)
                {
                    throw TooLarge(length, limits, "more than ");
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(capacity, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return FromUtf8(buffer.AsSpan(0, length), typeInfo, limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static T Read<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo, LeadKitJsonLimits limits)
        where T : class
    {
        JsonDocumentScanner.Scan(utf8Json, limits);
        try
        {
            return JsonSerializer.Deserialize(utf8Json, typeInfo)
                ?? throw new JsonException($"$: expected a {typeof(T).Name} object but found null.", "$", 0, 0);
        }
        catch (JsonException ex) when (ex.Path is not null && !ex.Message.StartsWith(ex.Path, StringComparison.Ordinal))
        {
            var path = JsonDocumentScanner.MaskPath(ex.Path);
            var unknownProperty = IsUnknownProperty(ex);

            // System.Text.Json's message for an unknown property quotes its name (untrusted text): not kept as the inner exception.
            throw new JsonException($"{path}: {Describe(ex)}", path, ex.LineNumber, ex.BytePositionInLine, unknownProperty ? null : ex);
        }
        catch (ArgumentException ex)
        {
            // Raised by the domain model's own validation while the object is being built; its message names the
            // domain property and never the value.
            throw new JsonException($"Invalid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        if (IsUnknownProperty(ex))
        {
            // System.Text.Json quotes the unknown name (untrusted text) and a .NET type; the path already names it.
            return "has a property that is not part of the format.";
        }

        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            return "has a value of the wrong JSON type for this property.";
        }

        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static bool IsUnknownProperty(JsonException ex)
        => ex.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);

    private static int FindLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static JsonException TooLarge(long length, LeadKitJsonLimits limits, string qualifier)
        => new(string.Create(CultureInfo.InvariantCulture, $"$: the document is {qualifier}{length} bytes; at most {limits.MaximumBytes} are accepted (LeadKitJsonLimits.MaximumBytes)."), "$", null, null);
}
