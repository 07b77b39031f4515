using LeadKit.Metrics.Rates;

namespace LeadKit.Metrics.Conversion;

/// <summary>Lead conversion of one segment: lead to customer, the stage-to-stage waterfall and the period form.</summary>
/// <remarks>
/// <para>
/// Cohort form: <c>LeadToCustomer = leads of the segment that entered the converted stage within the horizon after
/// their creation / leads of the segment</c>. In a period segment the cohort is the leads created in that period.
/// </para>
/// <para>
/// Period form: <c>PeriodForm = leads that entered the converted stage during the period (whenever they were created)
/// / leads created during the period</c>. It is a ratio, not a proportion (it can exceed 1), so it has no interval.
/// In segments that are not periods it counts every conversion of the segment's leads, without a horizon.
/// </para>
/// <para>An immutable value; thread-safe.</para>
/// </remarks>
public sealed class ConversionMetrics
{
    /// <summary>The number of leads in the segment (the cohort).</summary>
    public required long Leads { get; init; }

    /// <summary>Converted leads / leads (cohort form, within the horizon).</summary>
    public required Rate LeadToCustomer { get; init; }

    /// <summary>One step per consecutive pair of waterfall stages.</summary>
    public required IReadOnlyList<WaterfallStep> Waterfall { get; init; }

    /// <summary>Conversions during the period / leads created during the period.</summary>
    public required Ratio PeriodForm { get; init; }
}
