namespace LeadKit.Metrics.DataQuality;

/// <summary>What a calculation does with records that fail a data-quality check.</summary>
public enum DataQualityMode
{
    /// <summary>Throw a <see cref="MetricsDataException"/> listing every problem and the record it was found in (the default).</summary>
    Reject = 0,

    /// <summary>Leave the records out of every KPI and list each one, with the problem, in <see cref="DataQualityReport"/>.</summary>
    Exclude,
}
