namespace LeadKit.Metrics.Periods;

/// <summary>Maps instants to reporting periods (day, ISO week, month, quarter, year) in a time zone.</summary>
/// <remarks>
/// <para>
/// A period starts at local midnight of its first day. When local midnight does not exist (a daylight-saving gap at
/// midnight) the period starts at the first instant after the gap; when it occurs twice the first occurrence is used.
/// </para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class PeriodCalendar
{
    /// <summary>Creates a calendar.</summary>
    /// <param name="unit">The period length.</param>
    /// <param name="timeZone">The time zone whose local dates define the periods.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public PeriodCalendar(PeriodUnit unit, TimeZoneInfo timeZone)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"unit has an undefined value ({unit}).");
        }

        ArgumentNullException.ThrowIfNull(timeZone);
        Unit = unit;
        TimeZone = timeZone;
    }

    /// <summary>Gets the period length.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>Gets the time zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Gets the period an instant falls in.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The period containing <paramref name="instant"/>.</returns>
    public Period GetPeriod(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        var start = PeriodLocalStart(local);
        var period = Create(start);
        // A DST gap at midnight moves the start after the instant's local date; fall back one period then.
        return instant < period.Start ? Create(PreviousLocalStart(start)) : period;
    }

    /// <summary>Gets the period that follows a period of this calendar.</summary>
    /// <param name="period">A period of this calendar.</param>
    /// <returns>The next period.</returns>
    public Period GetNext(Period period) => Create(NextLocalStart(period.LocalStart));

    private Period Create(DateTime localStart)
    {
        var next = NextLocalStart(localStart);
        return new Period(Unit, localStart, ToInstant(localStart), ToInstant(next));
    }

    private DateTime PeriodLocalStart(DateTime local)
    {
        var date = local.Date;
        return Unit switch
        {
            PeriodUnit.Day => date,
            PeriodUnit.IsoWeek => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
            PeriodUnit.Month => new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            PeriodUnit.Quarter => new DateTime(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            _ => new DateTime(date.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        };
    }

    private DateTime NextLocalStart(DateTime localStart) => Unit switch
    {
        PeriodUnit.Day => localStart.AddDays(1),
        PeriodUnit.IsoWeek => localStart.AddDays(7),
        PeriodUnit.Month => localStart.AddMonths(1),
        PeriodUnit.Quarter => localStart.AddMonths(3),
        _ => localStart.AddYears(1),
    };

    private DateTime PreviousLocalStart(DateTime localStart) => Unit switch
    {
        PeriodUnit.Day => localStart.AddDays(-1),
        PeriodUnit.IsoWeek => localStart.AddDays(-7),
        PeriodUnit.Month => localStart.AddMonths(-1),
        PeriodUnit.Quarter => localStart.AddMonths(-3),
        _ => localStart.AddYears(-1),
    };

    private DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(local))
        {
            // Skipped by a gap: use the offset in force before the gap, which lands on the first instant after it.
            offset = TimeZone.GetUtcOffset(local.AddDays(-1));
        }
        else if (TimeZone.IsAmbiguousTime(local))
        {
            // Occurs twice: the larger offset is the earlier instant.
            var offsets = TimeZone.GetAmbiguousTimeOffsets(local);
            offset = offsets[0] > offsets[1] ? offsets[0] : offsets[1];
        }
        else
        {
            offset = TimeZone.GetUtcOffset(local);
        }

        var utc = new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
        return TimeZoneInfo.ConvertTime(utc, TimeZone);
    }
}
