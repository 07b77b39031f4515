using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Sales;

/// <summary>The state of a deal (opportunity).</summary>
[JsonConverter(typeof(StrictEnumConverter<DealStatus>))]
public enum DealStatus
{
    /// <summary>Still being worked.</summary>
    Open = 0,

    /// <summary>Closed as won.</summary>
    Won,

    /// <summary>Closed as lost.</summary>
    Lost,
}
