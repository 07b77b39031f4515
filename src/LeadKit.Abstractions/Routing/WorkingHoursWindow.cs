using System.Text.Json.Serialization;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Routing;

/// <summary>A weekly working-hours window in the rep's local time, e.g. Monday 09:00 to 17:00.</summary>
/// <remarks>The window includes <see cref="Start"/> and excludes <see cref="End"/>; it never crosses midnight (use two windows).</remarks>
public readonly record struct WorkingHoursWindow
{
    /// <summary>Creates a window.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="start">The local start time (inclusive).</param>
    /// <param name="end">The local end time (exclusive), after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException">The day is undefined or <paramref name="end"/> is not after <paramref name="start"/>.</exception>
    [JsonConstructor]
    public WorkingHoursWindow(DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        if (!Enum.IsDefined(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "day must be a day of the week.");
        }

        if (end <= start)
        {
            throw new ArgumentException($"A working-hours window must end after it starts (day {day}, start {start:HH\\:mm}, end {end:HH\\:mm}).", nameof(end));
        }

        Day = day;
        Start = start;
        End = end;
    }

    /// <summary>Gets the day of the week.</summary>
    [JsonConverter(typeof(StrictEnumConverter<DayOfWeek>))]
    public DayOfWeek Day { get; }

    /// <summary>Gets the local start time (inclusive).</summary>
    public TimeOnly Start { get; }

    /// <summary>Gets the local end time (exclusive).</summary>
    public TimeOnly End { get; }

    /// <summary>Tells whether a local date and time falls inside the window.</summary>
    /// <param name="local">A date and time in the rep's time zone.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        return local.DayOfWeek == Day && time >= Start && time < End;
    }
}
