using System.Text.Json;
using LeadKit.Abstractions.Funnel;
using LeadKit.EntityFrameworkCore.Model;

namespace LeadKit.EntityFrameworkCore.Outbox;

/// <summary>
/// The JSON of a stage-changed event: <c>{"from","to","trigger","occurredAtUtcTicks","offsetMinutes","isOverride"}</c>.
/// Only names and instants: the change's actor and reason are free text that may be personal data, so they stay in the
/// funnel history (read them through the funnel store when a handler needs them).
/// </summary>
internal static class StageChangedPayload
{
    public static string Write(StageChange change)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("from", change.From.Value);
            json.WriteString("to", change.To.Value);
            json.WriteString("trigger", change.Trigger.Value);
            json.WriteNumber("occurredAtUtcTicks", StoredTime.UtcTicks(change.OccurredAt));
            json.WriteNumber("offsetMinutes", StoredTime.OffsetMinutes(change.OccurredAt));
            json.WriteBoolean("isOverride", change.IsOverride);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <exception cref="LeadKitStoreException">The payload is not a stage change LeadKit wrote.</exception>
    public static StageChange Read(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return new StageChange
            {
                From = new FunnelStage(root.GetProperty("from").GetString()!),
                To = new FunnelStage(root.GetProperty("to").GetString()!),
                Trigger = new FunnelTrigger(root.GetProperty("trigger").GetString()!),
                OccurredAt = StoredTime.Read(root.GetProperty("occurredAtUtcTicks").GetInt64(), root.GetProperty("offsetMinutes").GetInt16()),
                IsOverride = root.GetProperty("isOverride").GetBoolean(),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new LeadKitStoreException("An outbox row's stage-changed payload is not one LeadKit wrote; the row was changed outside LeadKit.", e);
        }
    }
}
