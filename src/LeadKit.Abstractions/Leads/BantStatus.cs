using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Leads;

/// <summary>What sales knows about one BANT criterion (budget, authority, need, timeline).</summary>
[JsonConverter(typeof(StrictEnumConverter<BantStatus>))]
public enum BantStatus
{
    /// <summary>Not yet asked or not known.</summary>
    Unknown = 0,

    /// <summary>The criterion holds (e.g. budget confirmed).</summary>
    Confirmed,

    /// <summary>The criterion does not hold (e.g. no budget).</summary>
    NotMet,
}
