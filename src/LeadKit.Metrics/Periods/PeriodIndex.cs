namespace LeadKit.Metrics.Periods;

/// <summary>
/// Per-calculation cache from instants to dense period numbers: a contiguous, sorted table of period boundaries in
/// UTC ticks, extended on demand, searched by bisection. Not thread-safe (one per calculation).
/// </summary>
internal sealed class PeriodIndex
{
    private readonly PeriodCalendar _calendar;
    private readonly List<Period> _periods = [];
    private long[] _starts = [];
    private long _end;
    private int _firstId;

    public PeriodIndex(PeriodCalendar calendar) => _calendar = calendar;

    /// <summary>Gets a stable number for the period of an instant (consecutive periods have consecutive numbers).</summary>
    public int IdOf(DateTimeOffset instant) => IdOf(instant.UtcTicks);

    /// <summary>Gets a stable number for the period of an instant given in UTC ticks.</summary>
    public int IdOf(long t)
    {
        if (_periods.Count == 0)
        {
            _periods.Add(_calendar.GetPeriod(new DateTimeOffset(t, TimeSpan.Zero)));
            Rebuild();
        }

        while (t < _starts[0])
        {
            _periods.Insert(0, _calendar.GetPeriod(_periods[0].Start.AddTicks(-1)));
            _firstId--;
            Rebuild();
        }

        if (t >= _end)
        {
            while (t >= _end)
            {
                var next = _calendar.GetNext(_periods[^1]);
                _periods.Add(next);
                _end = next.End.UtcTicks;
            }

            Rebuild();
        }

        var i = Array.BinarySearch(_starts, t);
        return _firstId + (i >= 0 ? i : ~i - 1);
    }

    /// <summary>Gets the period with a number returned by <see cref="IdOf(long)"/>.</summary>
    public Period this[int id] => _periods[id - _firstId];

    private void Rebuild()
    {
        _starts = new long[_periods.Count];
        for (var i = 0; i < _starts.Length; i++)
        {
            _starts[i] = _periods[i].Start.UtcTicks;
        }

        _end = _periods[^1].End.UtcTicks;
    }
}
