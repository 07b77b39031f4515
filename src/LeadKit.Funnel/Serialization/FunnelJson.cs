using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Serialization;

/// <summary>
/// Reads and writes funnel states and histories as JSON with source-generated (AOT-safe) metadata: camelCase
/// names, stages and triggers as their machine names, unknown properties and duplicate keys rejected.
/// </summary>
/// <remarks>
/// <para>
/// A state is written as <c>{ leadId, initialStage, startedAt, stage, version, enteredAt, history: [ { from, to,
/// trigger, occurredAt, actor?, reason?, isOverride? } ] }</c>. On read the history must chain (each entry leaves
/// the stage the previous one entered, time never goes backward) and <c>stage</c>, <c>version</c> and
/// <c>enteredAt</c> must match it. Reading checks the shape only: use <c>FunnelDefinition.Replay</c> (or add the
/// state to a store) to check it against a definition.
/// </para>
/// <para>
/// Limits: at most <see cref="MaximumDocumentBytes"/> bytes of UTF-8 (a string counts its UTF-16 length), nesting at
/// most <see cref="MaximumDepth"/> levels, at most <see cref="MaximumHistoryEntries"/> history entries, actors and
/// reasons of at most <see cref="MaximumTextLength"/> characters. A UTF-8 byte-order mark (text or bytes) is
/// accepted.
/// </para>
/// <para>
/// Error contract: every problem — malformed JSON, a duplicate key, an unknown property, a missing or <c>null</c>
/// value or array entry, invalid UTF-8, an unpaired surrogate (raw or escaped), a limit, an inconsistent history — is
/// a <see cref="JsonException"/> whose <see cref="JsonException.Path"/> and message name the JSON path (for example
/// <c>$.history[2].from</c>). Messages name paths and fields, never a value from the document (lead ids are often
/// e-mail addresses).
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public static class FunnelJson
{
    /// <summary>The largest document read, in UTF-8 bytes (4 MiB).</summary>
    public const int MaximumDocumentBytes = 4 << 20;

    /// <summary>The deepest JSON nesting read.</summary>
    public const int MaximumDepth = 16;

    /// <summary>The most history entries a document may hold.</summary>
    public const int MaximumHistoryEntries = 10_000;

    /// <summary>The longest actor or reason read, in UTF-16 code units (the same limit <c>FunnelDefinition.Fire</c> applies).</summary>
    public const int MaximumTextLength = FunnelDefinition.MaximumTextLength;

    /// <summary>Writes a state as JSON.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(FunnelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var document = new FunnelStateDocument
        {
            LeadId = state.LeadId.Value!,
            InitialStage = state.InitialStage.Value!,
            StartedAt = state.StartedAt,
            Stage = state.Stage.Value!,
            Version = state.Version,
            EnteredAt = state.EnteredAt,
            History = ToDocuments(state.History),
        };
        return JsonSerializer.Serialize(document, FunnelJsonContext.Default.FunnelStateDocument);
    }

    /// <summary>Writes a history as a JSON array.</summary>
    /// <param name="history">The entries, oldest first.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeHistory(IReadOnlyList<StageChange> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return JsonSerializer.Serialize(ToDocuments(history), FunnelJsonContext.Default.StageChangeDocumentArray);
    }

    /// <summary>Reads a state from JSON text.</summary>
    /// <param name="json">The JSON text; a leading byte-order mark is ignored.</param>
    /// <returns>The state, equal to the one written.</returns>
    /// <exception cref="JsonException">The JSON is malformed, breaks a limit or describes an inconsistent state; the message and <see cref="JsonException.Path"/> name the path.</exception>
    public static FunnelState DeserializeState(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return DeserializeState(ToUtf8(json));
    }

    /// <summary>Reads a state from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON as UTF-8; a leading byte-order mark is ignored.</param>
    /// <returns>The state, equal to the one written.</returns>
    /// <exception cref="JsonException">The JSON is malformed, not valid UTF-8, breaks a limit or describes an inconsistent state; the message and <see cref="JsonException.Path"/> name the path.</exception>
    public static FunnelState DeserializeState(ReadOnlySpan<byte> utf8Json)
    {
        var document = Read(utf8Json, static bytes => JsonSerializer.Deserialize(bytes, FunnelJsonContext.Default.FunnelStateDocument));
        var state = Convert(() => FunnelState.Start(new LeadId(Text(document.LeadId, "$.leadId")), new FunnelStage(Text(document.InitialStage, "$.initialStage")), document.StartedAt), "$.leadId/$.initialStage/$.startedAt");
        var history = document.History ?? throw Error("$.history", "must be an array, not null");
        CheckCount(history.Length, "$.history");
        for (var i = 0; i < history.Length; i++)
        {
            var path = $"$.history[{i}]";
            var change = ToChange(history[i], path);
            CheckChains(state, change, path);
            state = state.Append(change);
        }

        Text(document.Stage, "$.stage");
        if (state.Version != document.Version || state.Stage.Value != document.Stage || state.EnteredAt != document.EnteredAt)
        {
            throw Error(
                "$.stage",
                FormattableString.Invariant($"$.stage, $.version and $.enteredAt must match the history, which ends in stage '{state.Stage}' at version {state.Version}, entered at {state.EnteredAt:O}"));
        }

        return state;
    }

    /// <summary>Reads a history (a JSON array of entries) from JSON text.</summary>
    /// <param name="json">The JSON text; a leading byte-order mark is ignored.</param>
    /// <returns>The entries, oldest first.</returns>
    /// <exception cref="JsonException">The JSON is malformed, breaks a limit or an entry is invalid; the message and <see cref="JsonException.Path"/> name the path.</exception>
    public static ImmutableArray<StageChange> DeserializeHistory(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return DeserializeHistory(ToUtf8(json));
    }

    /// <summary>Reads a history (a JSON array of entries) from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON as UTF-8; a leading byte-order mark is ignored.</param>
    /// <returns>The entries, oldest first.</returns>
    /// <exception cref="JsonException">The JSON is malformed, not valid UTF-8, breaks a limit or an entry is invalid; the message and <see cref="JsonException.Path"/> name the path.</exception>
    public static ImmutableArray<StageChange> DeserializeHistory(ReadOnlySpan<byte> utf8Json)
    {
        var documents = Read(utf8Json, static bytes => JsonSerializer.Deserialize(bytes, FunnelJsonContext.Default.StageChangeDocumentArray));
        CheckCount(documents.Length, "$");
        var history = ImmutableArray.CreateBuilder<StageChange>(documents.Length);
        for (var i = 0; i < documents.Length; i++)
        {
            history.Add(ToChange(documents[i], $"$[{i}]"));
        }

        return history.MoveToImmutable();
    }

    private static StageChangeDocument[] ToDocuments(IReadOnlyList<StageChange> history)
    {
        var documents = new StageChangeDocument[history.Count];
        for (var i = 0; i < documents.Length; i++)
        {
            var change = history[i] ?? throw new ArgumentException($"history[{i}] is null.", nameof(history));
            documents[i] = new StageChangeDocument
            {
                From = change.From.Value!,
                To = change.To.Value!,
                Trigger = change.Trigger.Value!,
                OccurredAt = change.OccurredAt,
                Actor = change.Actor,
                Reason = change.Reason,
                IsOverride = change.IsOverride ? true : null,
            };
        }

        return documents;
    }

    private static StageChange ToChange(StageChangeDocument? document, string path)
    {
        if (document is null)
        {
            throw Error(path, "must be an object, not null");
        }

        var actor = OptionalText(document.Actor, path + ".actor");
        var reason = OptionalText(document.Reason, path + ".reason");
        return Convert(
            () => new StageChange
            {
                From = new FunnelStage(Text(document.From, path + ".from")),
                To = new FunnelStage(Text(document.To, path + ".to")),
                Trigger = new FunnelTrigger(Text(document.Trigger, path + ".trigger")),
                OccurredAt = document.OccurredAt,
                Actor = actor,
                Reason = reason,
                IsOverride = document.IsOverride ?? false,
            },
            path);
    }

    private static void CheckChains(FunnelState state, StageChange change, string path)
    {
        if (change.From != state.Stage)
        {
            throw Error(path + ".from", $"is '{change.From}' but the lead was in '{state.Stage}'");
        }

        if (change.To == change.From)
        {
            throw Error(path + ".to", $"is the same stage as from ('{change.To}')");
        }

        if (change.OccurredAt < state.EnteredAt)
        {
            throw Error(path + ".occurredAt", FormattableString.Invariant($"({change.OccurredAt:O}) is before the lead entered '{state.Stage}' at {state.EnteredAt:O}"));
        }
    }

    private static void CheckCount(int count, string path)
    {
        if (count > MaximumHistoryEntries)
        {
            throw Error(path, FormattableString.Invariant($"holds {count} entries; at most {MaximumHistoryEntries} are read"));
        }
    }

    /// <summary>A required name (lead id, stage, trigger): present and free of unpaired surrogates; its own rules are its constructor's.</summary>
    private static string Text(string? value, string path)
    {
        if (value is null)
        {
            throw Error(path, "must be a string, not null");
        }

        if (FunnelDefinition.HasUnpairedSurrogate(value))
        {
            throw Error(path, "holds an unpaired surrogate (\\uD800-\\uDFFF without its pair)");
        }

        return value;
    }

    /// <summary>An actor or reason: absent, or text that <c>FunnelDefinition.Fire</c> would record.</summary>
    private static string? OptionalText(string? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaximumTextLength)
        {
            throw Error(path, FormattableString.Invariant($"is {value.Length} characters long; at most {MaximumTextLength} are read"));
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error(path, "must not be empty or white space (leave it out instead)");
        }

        Text(value, path);
        return value;
    }

    private static T Convert<T>(Func<T> create, string path)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            // The inner message may quote the value (a lead id is often an e-mail address): name the path and parameter only.
            throw new JsonException($"{path}: {ex.ParamName ?? "a value"} is not valid for its field.", path, null, null, ex);
        }
    }

    private static byte[] ToUtf8(string json)
    {
        var text = json.AsSpan();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (text.Length > MaximumDocumentBytes)
        {
            throw TooLarge(text.Length);
        }

        // A strict encoder: an unpaired surrogate in the text is an error, not a silent U+FFFD.
        var buffer = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var status = Utf8.FromUtf16(text, buffer, out var read, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw Error("$", FormattableString.Invariant($"the text holds an unpaired surrogate at character {read}; JSON text must be valid Unicode"));
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    private static T Read<T>(ReadOnlySpan<byte> utf8Json, ReadDocument<T> read)
        where T : class
    {
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Length > MaximumDocumentBytes)
        {
            throw TooLarge(utf8Json.Length);
        }

        if (!Utf8.IsValid(utf8Json))
        {
            Utf8.ToUtf16(utf8Json, new char[utf8Json.Length], out var valid, out _, replaceInvalidSequences: false);
            throw Error("$", FormattableString.Invariant($"is not valid UTF-8 (at byte {valid})"));
        }

        try
        {
            return read(utf8Json) ?? throw Error("$", "must be a JSON value, not null");
        }
        catch (JsonException ex) when (ex.Path is not null && ex.InnerException is null && ex.Message.StartsWith(ex.Path, StringComparison.Ordinal))
        {
            // One of ours (thrown by a converter below the serializer): already names its path.
            throw;
        }
        catch (JsonException ex)
        {
            var path = ex.Path ?? "$";
            throw new JsonException($"{path}: {Describe(ex)}", path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }

    /// <summary>System.Text.Json's messages name .NET types; say what an author of the document needs, with the position.</summary>
    private static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : string.Empty;
        var message = ex.Message;
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "is a duplicate key; each property may appear once" + where;
        }

        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "has a property that is not part of the format" + where;
        }

        var including = message.IndexOf("including:", StringComparison.Ordinal);
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            // The names listed are the format's own property names, never document values.
            return including < 0
                ? "misses a required property" + where
                : $"misses the required property {message[(including + "including:".Length)..].Trim().TrimEnd('.')}{where}";
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return string.Create(CultureInfo.InvariantCulture, $"is nested deeper than {MaximumDepth} levels{where}");
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal) || message.Contains("null", StringComparison.Ordinal))
        {
            return "must be a value of the documented type (not null)" + where;
        }

        return "is not valid JSON" + where;
    }

    private static JsonException TooLarge(int length)
        => Error("$", FormattableString.Invariant($"the document is {length} bytes; at most {MaximumDocumentBytes} are read"));

    private static JsonException Error(string path, string problem) => new($"{path}: {problem}.", path, null, null);

    private delegate T? ReadDocument<T>(ReadOnlySpan<byte> utf8Json);
}
