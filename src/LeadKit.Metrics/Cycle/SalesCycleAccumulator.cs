using LeadKit.Abstractions.Funnel;
using LeadKit.Metrics.Statistics;

namespace LeadKit.Metrics.Cycle;

/// <summary>
/// The completed stays per stage of one segment; the cycle lengths themselves are kept by the run, sorted once for
/// every segment (see <see cref="SalesCycleMetrics"/> for the formulas).
/// </summary>
internal sealed class SalesCycleAccumulator
{
    private long[] _stays = [];
    private Int128[] _stageTicks = [];

    /// <summary>Adds one completed stay in the stage with run-local number <paramref name="stageSlot"/>.</summary>
    public void AddStay(int stageSlot, long ticks)
    {
        EnsureCapacity(stageSlot);
        _stays[stageSlot]++;
        _stageTicks[stageSlot] += ticks;
    }

    public void AddFrom(SalesCycleAccumulator other)
    {
        for (var slot = other._stays.Length - 1; slot >= 0; slot--)
        {
            if (other._stays[slot] > 0)
            {
                EnsureCapacity(slot);
                _stays[slot] += other._stays[slot];
                _stageTicks[slot] += other._stageTicks[slot];
            }
        }
    }

    /// <summary>Builds the metrics from this segment's sorted cycle lengths and the run's stage numbering.</summary>
    public SalesCycleMetrics Build(ReadOnlySpan<long> sortedLengths, List<FunnelStage> stages)
    {
        var times = new List<StageTime>();
        for (var slot = 0; slot < _stays.Length; slot++)
        {
            var stays = _stays[slot];
            if (stays > 0)
            {
                var total = _stageTicks[slot];
                times.Add(new StageTime
                {
                    Stage = stages[slot],
                    Stays = stays,
                    Total = TimeSpan.FromTicks((long)total),
                    Mean = TimeSpan.FromTicks((long)decimal.Round((decimal)total / stays, MidpointRounding.ToEven)),
                });
            }
        }

        times.Sort((x, y) => string.CompareOrdinal(x.Stage.Value, y.Stage.Value));
        return new SalesCycleMetrics { Length = DurationStatistics.FromSorted(sortedLengths), TimeInStage = [.. times] };
    }

    private void EnsureCapacity(int stageSlot)
    {
        if (stageSlot >= _stays.Length)
        {
            var size = Math.Max(stageSlot + 1, _stays.Length * 2);
            Array.Resize(ref _stays, size);
            Array.Resize(ref _stageTicks, size);
        }
    }
}
