using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Leads;

/// <summary>How soon a lead said it intends to buy.</summary>
[JsonConverter(typeof(StrictEnumConverter<PurchaseTimeframeKind>))]
public enum PurchaseTimeframeKind
{
    /// <summary>Interest shown, but no timeframe stated (a cold lead in sales practice).</summary>
    NotStated = 0,

    /// <summary>Needs to buy now (a hot lead).</summary>
    Immediate,

    /// <summary>Intends to decide within a number of days (about 60 days makes a warm lead).</summary>
    WithinDays,
}
