using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Qualification;

/// <summary>Why a lead is taken out of the active funnel.</summary>
[JsonConverter(typeof(StrictEnumConverter<DisqualificationReason>))]
public enum DisqualificationReason
{
    /// <summary>Not disqualified.</summary>
    None = 0,

    /// <summary>Asked about the product but does not mean to buy: discard.</summary>
    NoBuyingIntent,

    /// <summary>Bought from a competitor: set aside (nurture) and work later.</summary>
    BoughtFromCompetitor,

    /// <summary>Asked not to be contacted.</summary>
    DoNotContact,
}
