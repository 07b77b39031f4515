using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;

namespace LeadKit.Abstractions.Serialization;

/// <summary>
/// Reads and writes the domain model as JSON with source-generated (AOT-safe) metadata: camelCase names, enums
/// by name, unknown properties rejected. Every failure is a <see cref="JsonException"/> whose message names the
/// property (its JSON path, or the domain property whose validation failed).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class LeadKitJson
{
    /// <summary>Gets the serializer options used by this class (read-only).</summary>
    public static JsonSerializerOptions Options => LeadKitJsonContext.Default.Options;

    /// <summary>Gets the type-info resolver, to combine LeadKit's metadata with an application's own context.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => LeadKitJsonContext.Default;

    /// <summary>Writes a lead as JSON.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Lead lead) => JsonSerializer.Serialize(lead, LeadKitJsonContext.Default.Lead);

    /// <summary>Writes a deal as JSON.</summary>
    /// <param name="deal">The deal.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Deal deal) => JsonSerializer.Serialize(deal, LeadKitJsonContext.Default.Deal);

    /// <summary>Writes a stage change as JSON.</summary>
    /// <param name="change">The stage change.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(StageChange change) => JsonSerializer.Serialize(change, LeadKitJsonContext.Default.StageChange);

    /// <summary>Writes a sales rep as JSON.</summary>
    /// <param name="rep">The sales rep.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(SalesRep rep) => JsonSerializer.Serialize(rep, LeadKitJsonContext.Default.SalesRep);

    /// <summary>Reads a lead from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The lead.</returns>
    /// <exception cref="JsonException">The JSON is malformed or describes an invalid lead.</exception>
    public static Lead DeserializeLead(string json) => Deserialize(json, LeadKitJsonContext.Default.Lead);

    /// <summary>Reads a deal from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The deal.</returns>
    /// <exception cref="JsonException">The JSON is malformed or describes an invalid deal.</exception>
    public static Deal DeserializeDeal(string json) => Deserialize(json, LeadKitJsonContext.Default.Deal);

    /// <summary>Reads a stage change from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The stage change.</returns>
    /// <exception cref="JsonException">The JSON is malformed or describes an invalid stage change.</exception>
    public static StageChange DeserializeStageChange(string json) => Deserialize(json, LeadKitJsonContext.Default.StageChange);

    /// <summary>Reads a sales rep from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The sales rep.</returns>
    /// <exception cref="JsonException">The JSON is malformed or describes an invalid sales rep.</exception>
    public static SalesRep DeserializeSalesRep(string json) => Deserialize(json, LeadKitJsonContext.Default.SalesRep);

    private static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new JsonException($"Expected a {typeof(T).Name} object but found null.", "$", 0, 0);
        }
        catch (JsonException ex) when (ex.Path is not null && !ex.Message.Contains(ex.Path, StringComparison.Ordinal))
        {
            throw new JsonException($"{ex.Message} Path: {ex.Path}.", ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
        catch (ArgumentException ex)
        {
            // Raised by the domain model's own validation while the object is being built.
            throw new JsonException($"Invalid {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}
