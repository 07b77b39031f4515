using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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
    // Objects with more property names than this check them through a set; smaller ones compare with each name seen.
    private const int LinearNameLimit = 16;

    public static void Scan(ReadOnlySpan<byte> utf8Json, LeadKitJsonLimits limits)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            MaxDepth = limits.MaximumDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var frames = new List<Frame>(8);
        var names = new NameStack();
        char[]? buffer = null;
        try
        {
            while (Read(ref reader, frames, ref names))
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var text = CheckString(ref reader, limits, frames, ref names, ref buffer);
                        ref var frame = ref CollectionsMarshal.AsSpan(frames)[^1];
                        if (!names.Add(ref frame, reader.ValueIsEscaped ? default : reader.ValueSpan, text))
                        {
                            throw Fail(frames, ref names, "has a property that occurs more than once in the same object; each property may appear only once", reader);
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, names.Count));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Truncate(frames[^1].FirstName);
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.String:
                        CountValue(frames);
                        CheckString(ref reader, limits, frames, ref names, ref buffer);
                        break;
                    case JsonTokenType.Null when frames.Count > 0 && frames[^1].IsArray:
                        // No array of the domain model holds null entries (signals, custom fields, countries, ...).
                        CountValue(frames);
                        throw Fail(frames, ref names, "is null; arrays hold no null entries", reader);
                    default:
                        CountValue(frames);
                        break;
                }
            }
        }
        finally
        {
            names.Dispose();
            if (buffer is not null)
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }

    private static bool Read(ref Utf8JsonReader reader, List<Frame> frames, ref NameStack names)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException ex)
        {
            // The reader's own errors (malformed JSON, nesting too deep) give a position but no path; add it.
            var path = PathOf(frames, ref names);
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"{path}: {Describe(ex)}"), path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }

    private static string Describe(JsonException ex)
    {
        // The reader's messages say what is wrong and where; they quote at most one character of the document.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '|');
    }

    /// <summary>Checks a string token; returns its unescaped text when it was escaped (empty otherwise).</summary>
    private static ReadOnlySpan<char> CheckString(ref Utf8JsonReader reader, LeadKitJsonLimits limits, List<Frame> frames, ref NameStack names, ref char[]? buffer)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > limits.MaximumStringBytes)
        {
            throw Fail(frames, ref names, string.Create(CultureInfo.InvariantCulture, $"has a string of {raw.Length} bytes; at most {limits.MaximumStringBytes} are accepted (LeadKitJsonLimits.MaximumStringBytes)"), reader);
        }

        if (!Utf8.IsValid(raw))
        {
            throw Fail(frames, ref names, "has a string that is not valid UTF-8", reader);
        }

        if (!reader.ValueIsEscaped)
        {
            return default;
        }

        // Unescaping checks \u escapes: a lone surrogate (\ud800 without its pair) is refused here, with the path.
        if (buffer is null || buffer.Length < raw.Length)
        {
            if (buffer is not null)
            {
                ArrayPool<char>.Shared.Return(buffer);
            }

            buffer = ArrayPool<char>.Shared.Rent(Math.Max(raw.Length, 256));
        }

        int length;
        try
        {
            length = reader.CopyString(buffer);
        }
        catch (InvalidOperationException ex)
        {
            throw Fail(frames, ref names, "has a string with an invalid escape (a lone UTF-16 surrogate)", reader, ex);
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
                throw Fail(frames, ref names, "has a string with an invalid escape (a lone UTF-16 surrogate)", reader);
            }
        }

        return text;
    }

    private static void CountValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            CollectionsMarshal.AsSpan(frames)[^1].Index++;
        }
    }

    private static JsonException Fail(List<Frame> frames, ref NameStack names, string problem, Utf8JsonReader reader, Exception? inner = null)
    {
        // The reader knows the byte offset, not the line: the message gives the offset, the line stays unknown.
        var path = PathOf(frames, ref names);
        return new JsonException(string.Create(CultureInfo.InvariantCulture, $"{path}: {problem} (at byte {reader.TokenStartIndex + 1})."), path, null, null, inner);
    }

    private static string PathOf(List<Frame> frames, ref NameStack names)
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
            else if (frame.CurrentName >= 0)
            {
                AppendName(path, names.NameAt(frame.CurrentName));
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

    private static void AppendName(StringBuilder path, ReadOnlySpan<byte> utf8Name) => AppendName(path, Encoding.UTF8.GetString(utf8Name));

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

    /// <summary>One open object or array: for arrays the index of the current entry, for objects its names.</summary>
    private struct Frame(bool isArray, int firstName)
    {
        public readonly bool IsArray = isArray;

        public int Index = -1;

        /// <summary>The position in the <see cref="NameStack"/> of this object's first property name.</summary>
        public readonly int FirstName = firstName;

        /// <summary>The position of the property being read (-1 before the first), for the path.</summary>
        public int CurrentName = -1;

        /// <summary>This object's names once it has more than <see cref="LinearNameLimit"/>; null before.</summary>
        public HashSet<string>? Many;
    }

    /// <summary>
    /// The property names of the open objects, innermost last, as unescaped UTF-8 in one pooled buffer: checking a
    /// small object's names for duplicates allocates nothing.
    /// </summary>
    private struct NameStack : IDisposable
    {
        private byte[] _bytes;
        private int[] _ends;
        private int _count;

        public NameStack()
        {
            _bytes = ArrayPool<byte>.Shared.Rent(512);
            _ends = ArrayPool<int>.Shared.Rent(64);
        }

        public readonly int Count => _count;

        /// <summary>
        /// Adds the current property name of <paramref name="frame"/>: <paramref name="raw"/> when it was not escaped,
        /// else its unescaped <paramref name="text"/>. Returns <see langword="false"/> when the object already has it.
        /// </summary>
        public bool Add(ref Frame frame, ReadOnlySpan<byte> raw, ReadOnlySpan<char> text)
        {
            var start = Start(_count);
            var length = raw.IsEmpty ? Encoding.UTF8.GetByteCount(text) : raw.Length;
            Reserve(start + length);
            if (raw.IsEmpty)
            {
                Encoding.UTF8.GetBytes(text, _bytes.AsSpan(start));
            }
            else
            {
                raw.CopyTo(_bytes.AsSpan(start));
            }

            var name = _bytes.AsSpan(start, length);
            var seen = _count - frame.FirstName;
            var isNew = true;
            if (frame.Many is { } many)
            {
                isNew = many.Add(Encoding.UTF8.GetString(name));
            }
            else
            {
                for (var i = frame.FirstName; i < _count && isNew; i++)
                {
                    isNew = !NameAt(i).SequenceEqual(name);
                }

                if (isNew && seen >= LinearNameLimit)
                {
                    // A large object: from here on a set, so a hostile document cannot make the check quadratic.
                    many = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = frame.FirstName; i < _count; i++)
                    {
                        many.Add(Encoding.UTF8.GetString(NameAt(i)));
                    }

                    many.Add(Encoding.UTF8.GetString(name));
                    frame.Many = many;
                }
            }

            if (_count == _ends.Length)
            {
                var larger = ArrayPool<int>.Shared.Rent(_ends.Length * 2);
                _ends.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<int>.Shared.Return(_ends);
                _ends = larger;
            }

            _ends[_count] = start + length;
            frame.CurrentName = _count++;
            return isNew;
        }

        public readonly ReadOnlySpan<byte> NameAt(int index) => _bytes.AsSpan(Start(index), _ends[index] - Start(index));

        /// <summary>Forgets the names from <paramref name="count"/> on (those of an object that ended).</summary>
        public void Truncate(int count) => _count = Math.Min(_count, count);

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            ArrayPool<int>.Shared.Return(_ends);
        }

        private readonly int Start(int index) => index == 0 ? 0 : _ends[index - 1];

        private void Reserve(int length)
        {
            if (length > _bytes.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length, _bytes.Length * 2));
                _bytes.AsSpan(0, Start(_count)).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = larger;
            }
        }
    }
}
