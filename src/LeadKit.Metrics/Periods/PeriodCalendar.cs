namespace LeadKit.Metrics.Periods;

/// <summary>Maps instants to reporting periods (day, ISO week, month, quarter, year) in a time zone.</summary>
/// <remarks>
/// <para>
/// A period starts at local midnight of its first day. When local midnight does not exist (a daylight-saving gap at
/// midnight) the period starts at the first instant after the gap; when it occurs twice the first occurrence is used.
/// </para>
/// <para>
/// The first and the last period of the calendar (those holding 0001-01-01 and 9999-12-31 local time) cannot be
/// placed: their start or end is not a representable instant in every zone. <see cref="GetPeriod"/> throws
/// <see cref="ArgumentOutOfRangeException"/> for instants in them; a report lists such records as
/// <c>DateOutOfRange</c> data-quality findings instead.
/// </para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class PeriodCalendar
{
    private readonly int _lastId;

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
        _lastId = IdOfLocalStart(PeriodLocalStart(DateTime.MaxValue));
    }

    /// <summary>Gets the period length.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>Gets the time zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Gets the period an instant falls in.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The period containing <paramref name="instant"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> lies in the first or last period of the calendar.</exception>
    public Period GetPeriod(DateTimeOffset instant)
        => TryGetPeriod(instant.UtcTicks, out var period, out _)
            ? period
            : throw new ArgumentOutOfRangeException(nameof(instant), "The instant lies in the first or last period of the calendar (year 1 or 9999), which cannot be placed.");

    /// <summary>Gets the period an instant falls in and its number, or <see langword="false"/> when it cannot be placed.</summary>
    /// <param name="utcTicks">The instant in UTC ticks.</param>
    /// <param name="period">The period containing the instant.</param>
    /// <param name="id">The period's number: consecutive periods have consecutive numbers.</param>
    /// <returns><see langword="false"/> when the instant lies in the first or last period of the calendar.</returns>
    internal bool TryGetPeriod(long utcTicks, out Period period, out int id)
    {
        // Checked before any conversion, so that no DateTime arithmetic can leave its range.
        var offset = TimeZone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
        var localTicks = utcTicks + offset;
        if (localTicks < 0 || localTicks > DateTime.MaxValue.Ticks)
        {
            (period, id) = (default, 0);
            return false;
        }

        id = IdOfLocalStart(PeriodLocalStart(new DateTime(localTicks, DateTimeKind.Unspecified)));
        if (id < 1 || id >= _lastId)
        {
            period = default;
            return false;
        }

        period = Find(new DateTimeOffset(utcTicks, TimeSpan.Zero));
        id = IdOfLocalStart(period.LocalStart);
        return true;
    }

    /// <summary>Gets the period with a number <see cref="TryGetPeriod"/> returned.</summary>
    internal Period PeriodOf(int id) => Create(LocalStartOf(id));

    private Period Find(DateTimeOffset instant)
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
    /// <exception cref="ArgumentOutOfRangeException">The next period is the last period of the calendar.</exception>
    public Period GetNext(Period period) => Create(NextLocalStart(period.LocalStart));

    // Period numbers count periods from 0001-01-01 (a Monday, so ISO weeks divide evenly): arithmetic, no table.
    private int IdOfLocalStart(DateTime localStart) => Unit switch
    {
        PeriodUnit.Day => (int)(localStart.Ticks / TimeSpan.TicksPerDay),
        PeriodUnit.IsoWeek => (int)(localStart.Ticks / TimeSpan.TicksPerDay / 7),
        PeriodUnit.Month => ((localStart.Year - 1) * 12) + localStart.Month - 1,
        PeriodUnit.Quarter => ((localStart.Year - 1) * 4) + ((localStart.Month - 1) / 3),
        _ => localStart.Year - 1,
    };

    private DateTime LocalStartOf(int id) => Unit switch
    {
        PeriodUnit.Day => new DateTime(id * TimeSpan.TicksPerDay, DateTimeKind.Unspecified),
        PeriodUnit.IsoWeek => new DateTime(id * 7L * TimeSpan.TicksPerDay, DateTimeKind.Unspecified),
        PeriodUnit.Month => new DateTime((id / 12) + 1, (id % 12) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        PeriodUnit.Quarter => new DateTime((id / 4) + 1, ((id % 4) * 3) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        _ => new DateTime(id + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
    };

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
