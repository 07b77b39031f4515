using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace LeadKit.Abstractions.Routing;

/// <summary>When a rep takes leads: their time zone, weekly working hours and out-of-office periods.</summary>
/// <remarks>
/// A rep is available at a moment when it is in none of the <see cref="OutOfOffice"/> periods and, if
/// <see cref="WorkingHours"/> is not empty, the moment converted to <see cref="TimeZoneId"/> falls inside one window.
/// </remarks>
public sealed record RepAvailability
{
    /// <summary>Gets "always available, UTC".</summary>
    public static RepAvailability Always { get; } = new();

    /// <summary>Gets the IANA (or Windows) time-zone id, e.g. <c>Europe/Berlin</c>; used for working hours and capacity periods.</summary>
    /// <value>Defaults to <c>UTC</c>.</value>
    [JsonIgnore]
    public string TimeZoneId { get; init => field = ValidateTimeZone(value, nameof(TimeZoneId)); } = "UTC";

    /// <summary>Gets the weekly working-hours windows in local time; empty means "any time".</summary>
    /// <value>Defaults to empty.</value>
    public ImmutableArray<WorkingHoursWindow> WorkingHours { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the out-of-office periods.</summary>
    /// <value>Defaults to empty.</value>
    public ImmutableArray<OutOfOfficePeriod> OutOfOffice { get; init => field = value.IsDefault ? [] : value; } = [];

    // Absent in JSON means the documented default (the source generator would pass null for a missing init-only property).
    [JsonInclude]
    [JsonPropertyName("timeZoneId")]
    internal string? TimeZoneIdJson { get => TimeZoneId; init => TimeZoneId = value ?? "UTC"; }

    /// <summary>Resolves <see cref="TimeZoneId"/>.</summary>
    /// <returns>The time zone.</returns>
    public TimeZoneInfo GetTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    private static string ValidateTimeZone(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out _))
        {
            throw new ArgumentException($"TimeZoneId '{value}' is not a time zone known to this system.", name);
        }

        return value;
    }
}
