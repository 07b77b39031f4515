using System.Text.Json.Serialization;

namespace LeadKit.Funnel.Serialization;

/// <summary>The source-generated (AOT-safe) JSON metadata for funnel states and histories.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = FunnelJson.MaximumDepth,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(FunnelStateDocument))]
[JsonSerializable(typeof(StageChangeDocument[]))]
internal sealed partial class FunnelJsonContext : JsonSerializerContext;
