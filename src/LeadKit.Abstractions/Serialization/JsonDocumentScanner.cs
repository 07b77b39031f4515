using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace LeadKit.Abstractions.Serialization;

/// <summary>
/// Reads a whole document once with <see cref="Utf8JsonReader"/> before it is deserialized, and refuses, with the
/// JSON path: nesting deeper than the limit, a string longer than the limit (before it is turned into a .NET string),
/// invalid UTF-8, an escaped lone surrogate, a <c>null</c> array entry and a property name that occurs twice in one
/// object. Every format
/// reader of the domain model, including hand-written converters, is covered by the one pass.
/// </summary>
internal static class JsonDocumentScanner
{
    public static void Scan(ReadOnlySpan<byte> utf8Json, LeadKitJsonLimits limits)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            MaxDepth = limits.MaximumDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var frames = new List<Frame>();
        char[]? buffer = null;
        try
        {
            while (Read(ref reader, frames))
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = CheckString(ref reader, limits, frames, ref buffer, isName: true);
                        var frame = frames[^1];
                        frame.Name = name;
                        if (!(frame.Names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                        {
                            throw Fail(frames, "has a property that occurs more than once in the same object; each property may appear only once", reader);
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountValue(frames);
                        frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.String:
                        CountValue(frames);
                        CheckString(ref reader, limits, frames, ref buffer, isName: false);
                        break;
                    case JsonTokenType.Null when frames.Count > 0 && frames[^1].IsArray:
                        // No array of the domain model holds null entries (signals, custom fields, countries, ...).
                        CountValue(frames);
                        throw Fail(frames, "is null; arrays hold no null entries", reader);
                    default:
                        CountValue(frames);
                        break;
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }

    private static bool Read(ref Utf8JsonReader reader, List<Frame> frames)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException ex)
        {
            // The reader's own errors (malformed JSON, nesting too deep) give a position but no path; add it.
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"{PathOf(frames)}: {Describe(ex)}"), PathOf(frames), ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }

    private static string Describe(JsonException ex)
    {
        // The reader's messages say what is wrong and where; they quote at most one character of the document.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '|');
    }

    private static string CheckString(ref Utf8JsonReader reader, LeadKitJsonLimits limits, List<Frame> frames, ref char[]? buffer, bool isName)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > limits.MaximumStringBytes)
        {
            throw Fail(frames, string.Create(CultureInfo.InvariantCulture, $"has a string of {raw.Length} bytes; at most {limits.MaximumStringBytes} are accepted (LeadKitJsonLimits.MaximumStringBytes)"), reader);
        }

        if (!Utf8.IsValid(raw))
        {
            throw Fail(frames, "has a string that is not valid UTF-8", reader);
        }

        if (!reader.ValueIsEscaped)
        {
            return isName ? Encoding.UTF8.GetString(raw) : string.Empty;
        }

        // Unescaping checks \u escapes: a lone surrogate (\ud800 without its pair) is refused here, with the path.
        if (buffer is null || buffer.Length < raw.Length)
        {
            if (buffer is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            }

            buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(raw.Length, 256));
        }

        int length;
        try
        {
            length = reader.CopyString(buffer);
        }
        catch (InvalidOperationException ex)
        {
            throw Fail(frames, "has a string with an invalid escape (a lone UTF-16 surrogate)", reader, ex);
        }

        var text = buffer.AsSpan(0, length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw Fail(frames, "has a string with an invalid escape (a lone UTF-16 surrogate)", reader);
            }
        }

        return isName ? new string(text) : string.Empty;
    }

    private static void CountValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    private static JsonException Fail(List<Frame> frames, string problem, Utf8JsonReader reader, Exception? inner = null)
    {
        // The reader knows the byte offset, not the line: the message gives the offset, the line stays unknown.
        var path = PathOf(frames);
        return new JsonException(string.Create(CultureInfo.InvariantCulture, $"{path}: {problem} (at byte {reader.TokenStartIndex + 1})."), path, null, null, inner);
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                if (frame.Index >= 0)
                {
                    path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (frame.Name is { } name)
            {
                AppendName(path, name);
            }
        }

        return path.ToString();
    }

    /// <summary>
    /// Rewrites a System.Text.Json path (<c>$.a['b c'][0]</c>) so that every property name that is not a plain
    /// identifier is shown as <c>['…']</c>, as <see cref="PathOf"/> does.
    /// </summary>
    public static string MaskPath(string path)
    {
        var result = new StringBuilder(path.Length);
        var i = 0;
        if (path.StartsWith('$'))
        {
            result.Append('$');
            i = 1;
        }

        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                AppendName(result, path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                AppendName(result, path[(i + 2)..end]);
                i = Math.Min(path.Length, end + 2);
            }
            else
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length - 1 : end;
                result.Append(path.AsSpan(i, end - i + 1));
                i = end + 1;
            }
        }

        return result.ToString();
    }

    private static void AppendName(StringBuilder path, string name)
    {
        var plain = name.Length is > 0 and <= 64;
        foreach (var c in name)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        // The format's own property names are plain identifiers; a name that is not one is untrusted text (it could
        // be an e-mail address) and is not repeated.
        if (plain)
        {
            path.Append('.').Append(name);
        }
        else
        {
            path.Append("['…']");
        }
    }

    private sealed class Frame
    {
        public bool IsArray { get; init; }

        public int Index { get; set; } = -1;

        public string? Name { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}
