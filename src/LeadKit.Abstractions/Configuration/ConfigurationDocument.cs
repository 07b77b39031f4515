using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace LeadKit.Abstractions.Configuration;

/// <summary>
/// Reads any LeadKit JSON configuration document with the one policy all formats share: the text must be UTF-8
/// (a byte order mark is skipped) no larger than <see cref="ConfigurationDocumentOptions.MaximumBytes"/> and no deeper
/// than <see cref="ConfigurationDocumentOptions.MaximumDepth"/>; comments, trailing commas, duplicate keys and
/// unpaired surrogates are refused; the root is an object whose integer <c>version</c> is 1 to
/// <see cref="ConfigurationDocumentOptions.MaximumVersion"/>. Each problem is reported as a
/// <see cref="ConfigurationProblem"/> with its JSON path and never echoes the text. Thread-safe.
/// </summary>
public static class ConfigurationDocument
{
    /// <summary>The name of the version property every format has.</summary>
    public const string VersionProperty = "version";

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses a document from UTF-8 bytes.</summary>
    /// <param name="utf8">The document.</param>
    /// <param name="options">The format's limits and versions.</param>
    /// <param name="problems">Receives every problem found; the document is returned only when none was added.</param>
    /// <returns>The document (the caller disposes it), or <see langword="null"/> when a problem was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="problems"/> is null.</exception>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, ConfigurationDocumentOptions options, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        if (utf8.Span.StartsWith(ByteOrderMark))
        {
            utf8 = utf8[ByteOrderMark.Length..];
        }

        if (utf8.Length > options.MaximumBytes)
        {
            problems.Add(new("$", ConfigurationProblemCodes.TooLarge, string.Create(CultureInfo.InvariantCulture, $"the {options.FormatName} is larger than {options.MaximumBytes} bytes")));
            return null;
        }

        if (!Utf8.IsValid(utf8.Span))
        {
            problems.Add(new("$", ConfigurationProblemCodes.InvalidText, $"the {options.FormatName} is not valid UTF-8 text"));
            return null;
        }

        if (Scan(utf8.Span, options) is { } problem)
        {
            problems.Add(problem);
            return null;
        }

        var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = options.MaximumDepth });
        if (!CheckRoot(document.RootElement, options, problems))
        {
            document.Dispose();
            return null;
        }

        return document;
    }

    /// <summary>Parses a document from text. An unpaired surrogate in the text is reported, never replaced.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The format's limits and versions.</param>
    /// <param name="problems">Receives every problem found.</param>
    /// <returns>The document (the caller disposes it), or <see langword="null"/> when a problem was found.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static JsonDocument? Parse(string json, ConfigurationDocumentOptions options, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var text = json.AsSpan();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        // Each UTF-16 unit is at most 3 UTF-8 bytes: more units than a third of the limit may still fit, more than the limit never.
        if (text.Length > options.MaximumBytes)
        {
            problems.Add(new("$", ConfigurationProblemCodes.TooLarge, string.Create(CultureInfo.InvariantCulture, $"the {options.FormatName} is larger than {options.MaximumBytes} bytes")));
            return null;
        }

        var buffer = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var status = Utf8.FromUtf16(text, buffer, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            problems.Add(new("$", ConfigurationProblemCodes.InvalidText, $"the {options.FormatName} holds an unpaired surrogate"));
            return null;
        }

        return Parse(buffer.AsMemory(0, written), options, problems);
    }

    /// <summary>Reads and parses a document from a stream, reading at most one byte past the limit.</summary>
    /// <param name="utf8">The stream of UTF-8 text.</param>
    /// <param name="options">The format's limits and versions.</param>
    /// <param name="problems">Receives every problem found.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document (the caller disposes it), or <see langword="null"/> when a problem was found.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<JsonDocument?> ParseAsync(Stream utf8, ConfigurationDocumentOptions options, ICollection<ConfigurationProblem> problems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var limit = options.MaximumBytes + ByteOrderMark.Length + 1;
        var buffer = new byte[Math.Min(limit, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length == limit)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }

            var read = await utf8.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return Parse(buffer.AsMemory(0, length), options, problems);
    }

    private static bool CheckRoot(JsonElement root, ConfigurationDocumentOptions options, ICollection<ConfigurationProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("$", ConfigurationProblemCodes.WrongType, $"the {options.FormatName} must be a JSON object"));
            return false;
        }

        if (!root.TryGetProperty(VersionProperty, out var version))
        {
            if (options.RequireVersion)
            {
                problems.Add(new("$.version", ConfigurationProblemCodes.UnsupportedVersion, string.Create(CultureInfo.InvariantCulture, $"is required: the {options.FormatName} format version, 1 to {options.MaximumVersion}")));
                return false;
            }

            return true;
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number < 1 || number > options.MaximumVersion)
        {
            problems.Add(new("$.version", ConfigurationProblemCodes.UnsupportedVersion, string.Create(CultureInfo.InvariantCulture, $"must be an integer from 1 to {options.MaximumVersion}: the {options.FormatName} versions this release reads")));
            return false;
        }

        return true;
    }

    /// <summary>One pass over the tokens: syntax, depth, escaped text and duplicate keys, each with its path.</summary>
    private static ConfigurationProblem? Scan(ReadOnlySpan<byte> utf8, ConfigurationDocumentOptions options)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = options.MaximumDepth,
        });
        var path = new ConfigurationPath();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.ValueIsEscaped ? TryGetString(ref reader) : reader.GetString();
                        if (name is null)
                        {
                            return new(path.Current, ConfigurationProblemCodes.InvalidText, "has a key that holds an unpaired surrogate");
                        }

                        if (!path.Property(name))
                        {
                            return new(path.Current, ConfigurationProblemCodes.DuplicateKey, "is given more than once in its object");
                        }

                        break;
                    case JsonTokenType.String:
                        path.Value();
                        if (reader.ValueIsEscaped && TryGetString(ref reader) is null)
                        {
                            return new(path.Current, ConfigurationProblemCodes.InvalidText, "holds an unpaired surrogate");
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
            // The reader's own error (malformed JSON, a comment, a trailing comma, too deep): its position, never the text.
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
            return reader.CurrentDepth >= options.MaximumDepth - 1 && ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? new(path.Current, ConfigurationProblemCodes.TooDeep, string.Create(CultureInfo.InvariantCulture, $"is nested deeper than {options.MaximumDepth} levels{where}"))
                : new(path.Current, ConfigurationProblemCodes.InvalidJson, $"is not valid JSON: comments, trailing commas and single quotes are not accepted{where}");
        }

        return null;
    }

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        // An escaped unpaired surrogate (\uD800) is the one escape the reader accepts and GetString refuses.
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
