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
/// <param name="Leads">The number of leads in the segment (the cohort).</param>
/// <param name="LeadToCustomer">Converted leads / leads (cohort form, within the horizon).</param>
/// <param name="Waterfall">One step per consecutive pair of waterfall stages.</param>
/// <param name="PeriodForm">Conversions during the period / leads created during the period.</param>
public sealed record ConversionMetrics(long Leads, Rate LeadToCustomer, IReadOnlyList<WaterfallStep> Waterfall, Ratio PeriodForm);
