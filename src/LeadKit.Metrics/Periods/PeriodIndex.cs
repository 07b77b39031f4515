namespace LeadKit.Metrics.Periods;

/// <summary>
/// Per-calculation cache from instants to period numbers (<see cref="PeriodCalendar.TryGetPeriod"/>): a contiguous,
/// sorted table of period boundaries in UTC ticks, searched by bisection. The table covers at most
/// <see cref="MaximumCached"/> periods, so far-apart dates (9999-12-30 beside 2018) cost one calendar computation
/// each instead of a table of every period between them. Not thread-safe (one per calculation).
/// </summary>
internal sealed class PeriodIndex
{
    /// <summary>The most periods the table holds: 11 years of days; more is computed per call.</summary>
    public const int MaximumCached = 4096;

    private readonly PeriodCalendar _calendar;
    private readonly List<Period> _periods = [];
    private long[] _starts = [];
    private long _end;
    private int _firstId;

    public PeriodIndex(PeriodCalendar calendar) => _calendar = calendar;

    /// <summary>Gets the number of the period of an instant (consecutive periods have consecutive numbers).</summary>
    /// <returns><see langword="false"/> when the instant lies in the first or last period of the calendar.</returns>
    public bool TryIdOf(long t, out int id)
    {
        if (_periods.Count > 0 && t >= _starts[0] && t < _end)
        {
            var i = Array.BinarySearch(_starts, t);
            id = _firstId + (i >= 0 ? i : ~i - 1);
            return true;
        }

        if (!_calendar.TryGetPeriod(t, out var period, out id))
        {
            return false;
        }

        Cache(id, period);
        return true;
    }

    /// <summary>Gets the number of the period of an instant that <see cref="TryIdOf"/> accepted before.</summary>
    public int IdOf(long t) => TryIdOf(t, out var id)
        ? id
        : throw new InvalidOperationException("The instant was not checked against the calendar's range before it was counted.");

    /// <inheritdoc cref="IdOf(long)"/>
    public int IdOf(DateTimeOffset instant) => IdOf(instant.UtcTicks);

    /// <summary>Gets the period with a number returned by <see cref="TryIdOf"/>.</summary>
    public Period this[int id]
    {
        get
        {
            var i = id - _firstId;
            return (uint)i < (uint)_periods.Count ? _periods[i] : _calendar.PeriodOf(id);
        }
    }

    private void Cache(int id, Period period)
    {
        if (_periods.Count == 0)
        {
            _periods.Add(period);
            _firstId = id;
        }
        else
        {
            var first = Math.Min(_firstId, id);
            var last = Math.Max(_firstId + _periods.Count - 1, id);
            if (last - first + 1 > MaximumCached)
            {
                return;
            }

            while (id < _firstId)
            {
                _periods.Insert(0, _calendar.PeriodOf(_firstId - 1));
                _firstId--;
            }

            while (id >= _firstId + _periods.Count)
            {
                _periods.Add(_calendar.PeriodOf(_firstId + _periods.Count));
            }
        }

        _starts = new long[_periods.Count];
        for (var i = 0; i < _starts.Length; i++)
        {
            _starts[i] = _periods[i].Start.UtcTicks;
        }

        _end = _periods[^1].End.UtcTicks;
    }
}
