using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Leads;

/// <summary>The contact's level in the company's hierarchy, as sales teams score it.</summary>
[JsonConverter(typeof(StrictEnumConverter<Seniority>))]
public enum Seniority
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>A student, intern or trainee.</summary>
    Student,

    /// <summary>An individual contributor at entry level.</summary>
    Entry,

    /// <summary>An experienced individual contributor or specialist.</summary>
    Senior,

    /// <summary>A manager or team lead.</summary>
    Manager,

    /// <summary>A director or head of a department.</summary>
    Director,

    /// <summary>A vice president.</summary>
    VicePresident,

    /// <summary>A C-level executive (CEO, CFO, CTO, ...).</summary>
    CLevel,

    /// <summary>An owner, founder or partner.</summary>
    Owner,
}
