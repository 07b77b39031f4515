using LeadKit.Abstractions.Funnel;
using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Conversion;

/// <summary>The running conversion counters of one segment; see <see cref="ConversionMetrics"/> for the formulas.</summary>
internal sealed class ConversionAccumulator
{
    public ConversionAccumulator(int waterfallLength) => ReachedHistogram = new long[waterfallLength + 1];

    public long Leads { get; private set; }

    /// <summary>Leads that converted within the horizon (cohort form).</summary>
    public long Converted { get; private set; }

    /// <summary>Leads that converted at any time (period form outside time dimensions).</summary>
    public long ConvertedAnyTime { get; private set; }

    /// <summary>Conversions that happened in this segment's period, whenever their lead was created (time dimensions only).</summary>
    public long ConvertedDuringPeriod { get; private set; }

    /// <summary>[i + 1] counts leads whose furthest waterfall stage (within the horizon) is i; [0] counts leads that reached none.</summary>
    private long[] ReachedHistogram { get; }

    /// <summary>Counts one lead.</summary>
    /// <param name="furthest">The furthest waterfall stage reached within the horizon, or -1 for none.</param>
    /// <param name="convertedInHorizon">Whether it entered the converted stage within the horizon.</param>
    /// <param name="converted">Whether it entered the converted stage at all.</param>
    public void AddLead(int furthest, bool convertedInHorizon, bool converted)
    {
        ReachedHistogram[furthest + 1]++;
        Leads++;
        Converted += convertedInHorizon ? 1 : 0;
        ConvertedAnyTime += converted ? 1 : 0;
    }

    /// <summary>Counts a conversion that happened in this (time) segment.</summary>
    public void AddConversionEvent() => ConvertedDuringPeriod++;

    public void AddFrom(ConversionAccumulator other)
    {
        Leads += other.Leads;
        Converted += other.Converted;
        ConvertedAnyTime += other.ConvertedAnyTime;
        ConvertedDuringPeriod += other.ConvertedDuringPeriod;
        for (var i = 0; i < ReachedHistogram.Length; i++)
        {
            ReachedHistogram[i] += other.ReachedHistogram[i];
        }
    }

    /// <summary>Builds the metrics.</summary>
    /// <param name="stages">The waterfall stages.</param>
    /// <param name="isTimeSegment">Whether the segment is a period: its period form counts the conversions during it.</param>
    public ConversionMetrics Build(FunnelStage[] stages, bool isTimeSegment)
    {
        // reached(i) = leads whose furthest stage is i or later: a suffix sum of the histogram.
        var reached = new long[stages.Length];
        long atLeast = 0;
        for (var i = stages.Length - 1; i >= 0; i--)
        {
            atLeast += ReachedHistogram[i + 1];
            reached[i] = atLeast;
        }

        var steps = new WaterfallStep[stages.Length - 1];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = new WaterfallStep { From = stages[i], To = stages[i + 1], Rate = new Rate(reached[i + 1], reached[i]) };
        }

        return new ConversionMetrics
        {
            Leads = Leads,
            LeadToCustomer = new Rate(Converted, Leads),
            Waterfall = steps,
            PeriodForm = new Ratio(isTimeSegment ? ConvertedDuringPeriod : ConvertedAnyTime, Leads),
        };
    }
}
