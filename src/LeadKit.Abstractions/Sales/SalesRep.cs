using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Sales;

/// <summary>A sales rep (SDR, account executive, ...) who can own leads and deals.</summary>
public sealed record SalesRep
{
    /// <summary>Gets the rep's identifier.</summary>
    public required SalesRepId Id { get; init => field = Guard.NotDefaultValue(value, nameof(Id)); }

    /// <summary>Gets the rep's display name.</summary>
    public required string Name { get; init => field = Guard.NotBlank(value, nameof(Name)); }

    /// <summary>Gets a value indicating whether the rep currently takes leads.</summary>
    /// <value>Defaults to <see langword="true"/>. Required in JSON: the source-generated serializer would otherwise read a missing value as <see langword="false"/>.</value>
    [System.Text.Json.Serialization.JsonRequired]
    public bool IsActive { get; init; } = true;
}
