using LeadKit.Metrics.Periods;

namespace LeadKit.Metrics.Tests.Periods;

public sealed class PeriodCalendarTests
{
    private static readonly DateTimeOffset Instant = new(2021, 1, 3, 15, 0, 0, TimeSpan.Zero); // a Sunday

    [Theory]
    [InlineData(PeriodUnit.Day, "2021-01-03")]
    [InlineData(PeriodUnit.IsoWeek, "2020-W53")]
    [InlineData(PeriodUnit.Month, "2021-01")]
    [InlineData(PeriodUnit.Quarter, "2021-Q1")]
    [InlineData(PeriodUnit.Year, "2021")]
    public void GetPeriod_EachUnit_LabelAndBounds(PeriodUnit unit, string label)
    {
        var calendar = new PeriodCalendar(unit, TimeZoneInfo.Utc);

        var period = calendar.GetPeriod(Instant);

        Assert.Equal(label, period.Label);
        Assert.True(period.Contains(Instant));
        Assert.Equal(period.End, calendar.GetNext(period).Start);
    }

    [Fact]
    public void GetPeriod_IsoWeek_StartsOnMonday()
    {
        var period = new PeriodCalendar(PeriodUnit.IsoWeek, TimeZoneInfo.Utc).GetPeriod(Instant);

        Assert.Equal(new DateTimeOffset(2020, 12, 28, 0, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(DayOfWeek.Monday, period.Start.DayOfWeek);
    }

    [Fact]
    public void GetPeriod_SaoPauloDstGapAtMidnight_DayStartsWhenTheClockJumps()
    {
        // On 2018-11-04 Sao Paulo clocks jumped from 00:00 to 01:00 (UTC-3 to UTC-2): the day starts at 01:00 local.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var calendar = new PeriodCalendar(PeriodUnit.Day, zone);

        var period = calendar.GetPeriod(new DateTimeOffset(2018, 11, 4, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal("2018-11-04", period.Label);
        Assert.Equal(new DateTimeOffset(2018, 11, 4, 3, 0, 0, TimeSpan.Zero), period.Start.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(23), period.End - period.Start);
    }

    [Fact]
    public void GetPeriod_MonthInBerlin_InstantJustBeforeUtcMidnightBelongsToNextLocalMonth()
    {
        var calendar = new PeriodCalendar(PeriodUnit.Month, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        var period = calendar.GetPeriod(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal("2026-02", period.Label);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), period.Start.ToUniversalTime());
    }

    [Fact]
    public void Constructor_UndefinedUnit_ThrowsNamingTheValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PeriodCalendar((PeriodUnit)42, TimeZoneInfo.Utc));

        Assert.Contains("42", error.Message, StringComparison.Ordinal);
    }
}
