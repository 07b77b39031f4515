using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// Reads a rule set's text before it is deserialized: turns the given text into UTF-8 without losing a lone surrogate,
/// drops a UTF-8 byte order mark, and finds the first malformed JSON or invalid text (bytes that are not UTF-8, an
/// unpaired surrogate escape) with its JSON path. The deserializer would report invalid text as a wrong type, and a
/// <see cref="JsonElement"/> would throw <see cref="InvalidOperationException"/> when read later.
/// </summary>
internal static class RuleSetText
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Gets the reader options, the same as the serializer's (<see cref="RuleSetJsonContext"/>).</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = ScoringRuleSet.MaximumJsonDepth,
    };

    /// <summary>
    /// Encodes text as UTF-8, writing an unpaired surrogate as the JSON escape <c>\uXXXX</c> so that it is reported
    /// where it is (inside a string: an unpaired surrogate; elsewhere: invalid JSON) instead of silently becoming U+FFFD.
    /// </summary>
    public static byte[] ToUtf8(string json)
    {
        var text = json.AsSpan();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var unpaired = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                unpaired++;
            }
        }

        // At most 3 bytes per UTF-16 unit, and 6 (an escape) per unpaired surrogate.
        var buffer = new byte[(text.Length * 3) + (unpaired * 3)];
        var written = 0;
        while (true)
        {
            var status = Utf8.FromUtf16(text, buffer.AsSpan(written), out var read, out var wrote, replaceInvalidSequences: false);
            written += wrote;
            text = text[read..];
            if (status != OperationStatus.InvalidData)
            {
                return buffer[..written];
            }

            written += Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)text[0]:X4}"), buffer.AsSpan(written));
            text = text[1..];
        }
    }

    /// <summary>Removes a leading UTF-8 byte order mark (a file saved by Notepad).</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8) => utf8.StartsWith(ByteOrderMark) ? utf8[ByteOrderMark.Length..] : utf8;

    /// <summary>Finds the first malformed JSON or invalid text, with its path; <see langword="null"/> when there is none.</summary>
    public static ScoringProblem? FindProblem(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var path = new JsonPathTracker();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        switch (Check(ref reader))
                        {
                            case TextFault.InvalidUtf8:
                                return new(path.Current, "has a key that is not valid UTF-8 text");
                            case TextFault.UnpairedSurrogate:
                                return new(path.Current, "has a key that contains an unpaired surrogate");
                        }

                        path.Property(reader.ValueIsEscaped ? null : reader.ValueSpan);
                        break;
                    case JsonTokenType.String:
                        path.Value();
                        switch (Check(ref reader))
                        {
                            case TextFault.InvalidUtf8:
                                return new(path.Current, "must be valid UTF-8 text");
                            case TextFault.UnpairedSurrogate:
                                return new(path.Current, "must not contain an unpaired surrogate");
                        }

                        path.EndValue();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Value();
                        path.Open(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Close();
                        path.EndValue();
                        break;
                    default:
                        path.Value();
                        path.EndValue();
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            // The reader's own error: malformed JSON or too deep. It names no .NET type; the position is what an author needs.
            return new(path.Current, Describe(ex));
        }

        return null;
    }

    /// <summary>Turns a System.Text.Json error into the format's words, with the reader's position (never the text).</summary>
    public static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "has a property that is not part of the format" + where;
        }

        if (message.Contains("Duplicate propert", StringComparison.Ordinal))
        {
            return "holds the same key more than once" + where;
        }

        if (message.Contains("depth", StringComparison.Ordinal))
        {
            return string.Create(CultureInfo.InvariantCulture, $"is nested deeper than {ScoringRuleSet.MaximumJsonDepth} levels{where}");
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            // Invalid text was found before deserializing, so this is a value of the wrong JSON type.
            return "must be a value of the documented type" + where;
        }

        return "is not valid JSON" + where;
    }

    /// <summary>Keeps a System.Text.Json path only up to its first segment that is not a plain name or an index, so no document text of another shape is echoed.</summary>
    public static string SafePath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return "$";
        }

        var end = 1;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && JsonPathTracker.IsPlain(path[i]))
                {
                    i++;
                }

                if (i == start || i - start > JsonPathTracker.MaximumNameLength || (i < path.Length && path[i] is not ('.' or '[')))
                {
                    break;
                }
            }
            else if (path[i] == '[' && i + 1 < path.Length && char.IsAsciiDigit(path[i + 1]))
            {
                i++;
                while (i < path.Length && char.IsAsciiDigit(path[i]))
                {
                    i++;
                }

                if (i >= path.Length || path[i] != ']')
                {
                    break;
                }

                i++;
            }
            else
            {
                break;
            }

            end = i;
        }

        return path[..end];
    }

    /// <summary>Checks a string token: valid UTF-8, and every <c>\uXXXX</c> surrogate escape paired.</summary>
    private static TextFault Check(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(raw) ? TextFault.None : TextFault.InvalidUtf8;
        }

        // A backslash (0x5C) is never part of a multi-byte UTF-8 sequence, so the text between escapes is checked on its own.
        var pendingHigh = false;
        while (!raw.IsEmpty)
        {
            var slash = raw.IndexOf((byte)'\\');
            var plain = slash < 0 ? raw : raw[..slash];
            if (!Utf8.IsValid(plain))
            {
                return TextFault.InvalidUtf8;
            }

            // A high surrogate must be followed at once by a low surrogate escape.
            if (slash < 0 || (pendingHigh && (plain.Length > 0 || raw[slash + 1] != (byte)'u')))
            {
                break;
            }

            if (raw[slash + 1] != (byte)'u')
            {
                raw = raw[(slash + 2)..];
                continue;
            }

            // The reader has checked the escapes' syntax: \u is followed by four hex digits.
            var unit = int.Parse(raw.Slice(slash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            if (isLow != pendingHigh)
            {
                return TextFault.UnpairedSurrogate;
            }

            pendingHigh = isHigh;
            raw = raw[(slash + 6)..];
        }

        return pendingHigh ? TextFault.UnpairedSurrogate : TextFault.None;
    }

    /// <summary>The JSON path of the reader's position, in the format's notation (<c>$.rules[3].when.value</c>).</summary>
    private sealed class JsonPathTracker
    {
        public const int MaximumNameLength = 64;

        private readonly List<Frame> _frames = [];

        public string Current
        {
            get
            {
                var text = new StringBuilder("$");
                foreach (var frame in _frames)
                {
                    if (frame.IsArray)
                    {
                        if (frame.Index >= 0)
                        {
                            text.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                        }
                    }
                    else if (frame.Name is { } name)
                    {
                        text.Append('.').Append(name);
                    }
                    else if (frame.HasProperty)
                    {
                        // A key that is not a plain name is not echoed; the path stops at its object.
                        break;
                    }
                }

                return text.ToString();
            }
        }

        public static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '-';

        public void Open(bool isArray) => _frames.Add(new Frame(isArray, -1, null, false));

        public void Close()
        {
            if (_frames.Count > 0)
            {
                _frames.RemoveAt(_frames.Count - 1);
            }
        }

        public void Property(ReadOnlySpan<byte> name)
        {
            var frame = _frames[^1];
            string? plain = null;
            if (name.Length is > 0 and <= MaximumNameLength)
            {
                var ok = true;
                foreach (var b in name)
                {
                    ok &= b < 0x80 && IsPlain((char)b);
                }

                plain = ok ? Encoding.ASCII.GetString(name) : null;
            }

            _frames[^1] = frame with { Name = plain, HasProperty = true };
        }

        /// <summary>A value starts: in an array it is the next element.</summary>
        public void Value()
        {
            if (_frames.Count > 0 && _frames[^1].IsArray)
            {
                _frames[^1] = _frames[^1] with { Index = _frames[^1].Index + 1 };
            }
        }

        /// <summary>A value ended: in an object, its property is done.</summary>
        public void EndValue()
        {
            if (_frames.Count > 0 && !_frames[^1].IsArray)
            {
                _frames[^1] = _frames[^1] with { Name = null, HasProperty = false };
            }
        }

        private readonly record struct Frame(bool IsArray, int Index, string? Name, bool HasProperty);
    }
}

/// <summary>What is wrong with a string's text, if anything.</summary>
internal enum TextFault
{
    /// <summary>Nothing: the text is valid.</summary>
    None,

    /// <summary>The bytes are not UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A surrogate escape has no partner.</summary>
    UnpairedSurrogate,
}
