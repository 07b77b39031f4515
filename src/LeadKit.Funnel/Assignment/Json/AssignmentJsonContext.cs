using System.Text.Json.Serialization;

namespace LeadKit.Funnel.Assignment.Json;

/// <summary>Source-generated (AOT-safe) metadata for routing-plan documents and state snapshots: camelCase, unknown properties rejected, no comments or trailing commas.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = RoutingPlanJson.MaximumDepth)]
[JsonSerializable(typeof(RoutingPlanDocument))]
[JsonSerializable(typeof(AssignmentStateSnapshot))]
internal sealed partial class AssignmentJsonContext : JsonSerializerContext;
