using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Serialization;

/// <summary>
/// Reads and writes funnel states and histories as JSON with source-generated (AOT-safe) metadata: camelCase
/// names, stages and triggers as their machine names, unknown properties rejected.
/// </summary>
/// <remarks>
/// <para>
/// A state is written as <c>{ leadId, initialStage, startedAt, stage, version, enteredAt, history: [ { from, to,
/// trigger, occurredAt, actor?, reason?, isOverride? } ] }</c>. On read the history must chain (each entry leaves
/// the stage the previous one entered, time never goes backward) and <c>stage</c>, <c>version</c> and
/// <c>enteredAt</c> must match it; any problem is a <see cref="JsonException"/> naming the JSON path. Reading checks
/// the shape only: use <c>FunnelDefinition.Replay</c> (or add the state to a store) to check it against a definition.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public static class FunnelJson
{
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

    /// <summary>Reads a state from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The state, equal to the one written.</returns>
    /// <exception cref="JsonException">The JSON is malformed or describes an inconsistent state; the message names the path.</exception>
    public static FunnelState DeserializeState(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = Read(json, static text => JsonSerializer.Deserialize(text, FunnelJsonContext.Default.FunnelStateDocument));
        var state = Convert(() => FunnelState.Start(new LeadId(document.LeadId), new FunnelStage(document.InitialStage), document.StartedAt), "$.leadId/$.initialStage/$.startedAt");
        var history = document.History ?? throw new JsonException("$.history is null.", "$.history", null, null);
        for (var i = 0; i < history.Length; i++)
        {
            var change = ToChange(history[i], $"$.history[{i}]");
            CheckChains(state, change, $"$.history[{i}]");
            state = state.Append(change);
        }

        if (state.Version != document.Version || state.Stage.Value != document.Stage || state.EnteredAt != document.EnteredAt)
        {
            throw new JsonException(
                $"$.stage/$.version/$.enteredAt ('{document.Stage}', {document.Version}, {document.EnteredAt:O}) do not match the history, which ends in '{state.Stage}' at version {state.Version} entered at {state.EnteredAt:O}.",
                "$.stage",
                null,
                null);
        }

        return state;
    }

    /// <summary>Reads a history (a JSON array of entries) from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The entries, oldest first.</returns>
    /// <exception cref="JsonException">The JSON is malformed or an entry is invalid; the message names the path.</exception>
    public static ImmutableArray<StageChange> DeserializeHistory(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var documents = Read(json, static text => JsonSerializer.Deserialize(text, FunnelJsonContext.Default.StageChangeDocumentArray));
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
            throw new JsonException($"{path} is null.", path, null, null);
        }

        return Convert(
            () => new StageChange
            {
                From = new FunnelStage(document.From),
                To = new FunnelStage(document.To),
                Trigger = new FunnelTrigger(document.Trigger),
                OccurredAt = document.OccurredAt,
                Actor = document.Actor,
                Reason = document.Reason,
                IsOverride = document.IsOverride ?? false,
            },
            path);
    }

    private static void CheckChains(FunnelState state, StageChange change, string path)
    {
        if (change.From != state.Stage)
        {
            throw new JsonException($"{path}.from is '{change.From}' but the lead was in '{state.Stage}'.", path + ".from", null, null);
        }

        if (change.To == change.From)
        {
            throw new JsonException($"{path}.to is the same stage as from ('{change.To}').", path + ".to", null, null);
        }

        if (change.OccurredAt < state.EnteredAt)
        {
            throw new JsonException($"{path}.occurredAt ({change.OccurredAt:O}) is before the lead entered '{state.Stage}' at {state.EnteredAt:O}.", path + ".occurredAt", null, null);
        }
    }

    private static T Convert<T>(Func<T> create, string path)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"{path}: {ex.Message}", path, null, null, ex);
        }
    }

    private static T Read<T>(string json, Func<string, T?> read)
        where T : class
    {
        try
        {
            return read(json) ?? throw new JsonException("Expected a JSON value but found null.", "$", 0, 0);
        }
        catch (JsonException ex) when (ex.Path is not null && !ex.Message.Contains(ex.Path, StringComparison.Ordinal))
        {
            throw new JsonException($"{ex.Message} Path: {ex.Path}.", ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }
}
