using System.Text;
using System.Text.Json;

namespace LeadKit.Routing.Json;

/// <summary>
/// The first stage of every routing reader (plans and state snapshots): text or bytes to a parsed document, or one
/// problem with its JSON path. It accepts a UTF-8 BOM and refuses, as a problem rather than an exception: unpaired
/// surrogates, invalid UTF-8, syntax errors, comments, trailing commas, nesting deeper than the format allows and
/// duplicate property names (in any object). Messages never quote the document's values.
/// </summary>
internal static class JsonInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes text as UTF-8 (without a leading BOM), or reports where it is not valid Unicode.</summary>
    public static byte[]? ToUtf8(string json, out RoutingPlanError? problem)
    {
        var text = json.AsSpan();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        try
        {
            var bytes = new byte[StrictUtf8.GetByteCount(text)];
            StrictUtf8.GetBytes(text, bytes);
            problem = null;
            return bytes;
        }
        catch (EncoderFallbackException ex)
        {
            // Text cannot hold invalid UTF-8, only unpaired surrogates; the index is into the text, not a value.
            problem = new RoutingPlanError("$", $"The document is not valid Unicode text: an unpaired surrogate at character {ex.Index + 1}.");
            return null;
        }
    }

    /// <summary>Drops a leading UTF-8 byte-order mark (a file saved by Notepad has one).</summary>
    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> utf8) => utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    /// <summary>Checks the document token by token (tracking the path), then parses it.</summary>
    /// <param name="utf8">The document without a BOM.</param>
    /// <param name="maxDepth">The deepest nesting of objects and arrays accepted.</param>
    /// <param name="problem">The first problem, with its path; <see langword="null"/> when the document parsed.</param>
    /// <returns>The document, or <see langword="null"/> when there is a problem.</returns>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, int maxDepth, out RoutingPlanError? problem)
    {
        problem = Scan(utf8.Span, maxDepth);
        if (problem is not null)
        {
            return null;
        }

        // The scan above already refused everything JsonDocument would; its options repeat the rules as a second line,
        // and should the two ever disagree the reader still reports a problem instead of throwing.
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions
            {
                AllowDuplicateProperties = false,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
                MaxDepth = maxDepth,
            });
        }
        catch (JsonException ex)
        {
            problem = new RoutingPlanError("$", $"The document is not valid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}.");
            return null;
        }
    }

    /// <summary>
    /// The path segment for a property: the name when it is a plain identifier (every name the formats define is),
    /// otherwise <c>[?]</c>, so a path never carries control characters or personal data from an unknown key.
    /// </summary>
    public static string Segment(string name)
    {
        var plain = name.Length is > 0 and <= 64 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        foreach (var c in name)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return plain ? "." + name : "[?]";
    }

    private static RoutingPlanError? Scan(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,

            // One more than the format's limit, so the scan (which knows the path) reports the limit first.
            MaxDepth = maxDepth + 1,
        });
        var frames = new List<Frame>();
        string? pendingName = null;
        try
        {
            if (!reader.Read())
            {
                return new RoutingPlanError("$", "The document is empty.");
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!TryGetString(ref reader, out var name))
                        {
                            return new RoutingPlanError(PathOf(frames, null), "A property name is not valid Unicode text (invalid UTF-8 or an unpaired surrogate).");
                        }

                        var keys = frames[^1].Keys!;
                        if (!keys.Add(name))
                        {
                            return new RoutingPlanError(PathOf(frames, name), "This property appears more than once in the same object; each property may be given once.");
                        }

                        pendingName = name;
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames, pendingName);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, pendingName));
                        pendingName = null;
                        if (frames.Count > maxDepth)
                        {
                            return new RoutingPlanError(PathOf(frames, null), $"The document is nested deeper than {maxDepth} levels.");
                        }

                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        Advance(frames, pendingName);
                        if (reader.TokenType == JsonTokenType.String && !TryGetString(ref reader, out _))
                        {
                            return new RoutingPlanError(PathOf(frames, pendingName), "The text is not valid Unicode (invalid UTF-8 or an unpaired surrogate).");
                        }

                        pendingName = null;
                        break;
                }
            }
            while (reader.Read());
        }
        catch (JsonException ex)
        {
            // The reader's own message may quote the offending character; the position is enough to find it.
            return new RoutingPlanError(
                PathOf(frames, pendingName),
                $"The document is not valid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1} (comments and trailing commas are not allowed).");
        }

        return null;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses invalid UTF-8 and escaped unpaired surrogates (\ud800); the caller reports where.
            value = string.Empty;
            return false;
        }
    }

    /// <summary>Counts one more element of the enclosing array (objects count their values through the property name).</summary>
    private static void Advance(List<Frame> frames, string? pendingName)
    {
        if (frames.Count > 0 && frames[^1].IsArray && pendingName is null)
        {
            frames[^1].Index++;
        }
    }

    private static string PathOf(List<Frame> frames, string? name)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < frames.Count; i++)
        {
            // A frame's own name is the property that holds it, so it is written by the frame before it.
            if (i + 1 < frames.Count)
            {
                Append(path, frames[i], frames[i + 1].Name);
            }
            else
            {
                Append(path, frames[i], name);
            }
        }

        return path.ToString();
    }

    private static void Append(StringBuilder path, Frame frame, string? child)
    {
        if (frame.IsArray)
        {
            if (frame.Index >= 0)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
        }
        else if (child is not null)
        {
            path.Append(Segment(child));
        }
    }

    private sealed class Frame(bool isArray, string? name)
    {
        public bool IsArray { get; } = isArray;

        /// <summary>The property that holds this object or array in its parent object, if any.</summary>
        public string? Name { get; } = name;

        public int Index { get; set; } = -1;

        public HashSet<string>? Keys { get; } = isArray ? null : new(StringComparer.Ordinal);
    }
}
