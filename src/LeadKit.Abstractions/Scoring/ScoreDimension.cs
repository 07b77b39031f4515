using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Scoring;

/// <summary>The two dimensions of a lead score.</summary>
[JsonConverter(typeof(StrictEnumConverter<ScoreDimension>))]
public enum ScoreDimension
{
    /// <summary>Who the lead is: firmographic and demographic fit.</summary>
    Fit = 0,

    /// <summary>What the lead did: engagement with marketing and sales.</summary>
    Engagement = 1,
}
