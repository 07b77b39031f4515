using System.Text.Json.Serialization;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;

namespace LeadKit.Abstractions.Serialization;

/// <summary>The source-generated (AOT-safe) JSON metadata for the domain model.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowDuplicateProperties = false,
    // The configurable depth (LeadKitJsonLimits.MaximumDepth, at most 64) is enforced by JsonDocumentScanner first.
    MaxDepth = LeadKitJsonLimits.MaximumDepthLimit)]
[JsonSerializable(typeof(Lead))]
[JsonSerializable(typeof(Deal))]
[JsonSerializable(typeof(SalesRep))]
[JsonSerializable(typeof(StageChange))]
[JsonSerializable(typeof(Lead[]))]
[JsonSerializable(typeof(Deal[]))]
[JsonSerializable(typeof(StageChange[]))]
internal sealed partial class LeadKitJsonContext : JsonSerializerContext;
