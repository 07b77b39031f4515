using System.Globalization;

namespace LeadKit.Metrics.Periods;

/// <summary>
/// A reporting period: the half-open interval [<see cref="Start"/>, <see cref="End"/>) of instants whose local time in
/// the calendar's time zone falls in one day, ISO week, month, quarter or year.
/// </summary>
/// <remarks>
/// <see cref="Start"/> and <see cref="End"/> carry the zone's UTC offset at that instant, so a month in a zone with
/// daylight saving time can be an hour shorter or longer than its days suggest. An immutable value; thread-safe.
/// </remarks>
/// <param name="Unit">The period length.</param>
/// <param name="LocalStart">The local date and time (midnight) the period starts at in its time zone.</param>
/// <param name="Start">The first instant of the period.</param>
/// <param name="End">The first instant after the period (the next period's start).</param>
public readonly record struct Period(PeriodUnit Unit, DateTime LocalStart, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Gets a sortable label: <c>2018-02-01</c>, <c>2018-W05</c>, <c>2018-02</c>, <c>2018-Q1</c> or <c>2018</c>.</summary>
    public string Label => Unit switch
    {
        PeriodUnit.Day => LocalStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodUnit.IsoWeek => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(LocalStart):D4}-W{ISOWeek.GetWeekOfYear(LocalStart):D2}"),
        PeriodUnit.Month => LocalStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodUnit.Quarter => string.Create(CultureInfo.InvariantCulture, $"{LocalStart.Year:D4}-Q{((LocalStart.Month - 1) / 3) + 1}"),
        _ => LocalStart.Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>Gets a value indicating whether an instant lies in this period.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> &lt;= instant &lt; <see cref="End"/>.</returns>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>Returns the label.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Label;
}
