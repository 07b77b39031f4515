using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Qualification;

/// <summary>How ready a lead is to buy. Ordered: <c>Cold &lt; Warm &lt; Hot</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<Temperature>))]
public enum Temperature
{
    /// <summary>Showed interest but gave no timeframe.</summary>
    Cold = 0,

    /// <summary>Gave a decision horizon of about two months.</summary>
    Warm = 1,

    /// <summary>Needs to buy now.</summary>
    Hot = 2,
}
