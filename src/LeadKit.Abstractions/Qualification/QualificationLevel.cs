using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Qualification;

/// <summary>How far a lead is qualified. Ordered: <c>Unqualified &lt; Mql &lt; Sql</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<QualificationLevel>))]
public enum QualificationLevel
{
    /// <summary>Not (yet) qualified.</summary>
    Unqualified = 0,

    /// <summary>Marketing-qualified lead: clear interest, not ready to buy soon, needs nurturing.</summary>
    Mql = 1,

    /// <summary>Sales-qualified lead: expressed immediate purchase intent; handed straight to sales.</summary>
    Sql = 2,
}
