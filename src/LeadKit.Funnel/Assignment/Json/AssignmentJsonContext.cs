using System.Text.Json.Serialization;

namespace LeadKit.Funnel.Assignment.Json;

/// <summary>
/// Source-generated (AOT-safe) metadata for writing state snapshots: camelCase, nulls left out. Reading (plans and
/// snapshots) goes through <see cref="JsonInput"/> and the readers, which refuse duplicate keys, nulls and invalid
/// text with a path and in the format's words, which the serializer's messages (naming .NET types) cannot.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssignmentStateSnapshot))]
internal sealed partial class AssignmentJsonContext : JsonSerializerContext;
