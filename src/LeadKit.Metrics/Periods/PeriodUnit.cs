namespace LeadKit.Metrics.Periods;

/// <summary>The length of a reporting period; periods start at local midnight in the report's time zone.</summary>
public enum PeriodUnit
{
    /// <summary>A calendar day (label <c>2018-02-01</c>).</summary>
    Day = 0,

    /// <summary>An ISO 8601 week, Monday to Sunday, numbered within its ISO year (label <c>2018-W05</c>).</summary>
    IsoWeek,

    /// <summary>A calendar month (label <c>2018-02</c>).</summary>
    Month,

    /// <summary>A calendar quarter: January, April, July or October to the end of the third month (label <c>2018-Q1</c>).</summary>
    Quarter,

    /// <summary>A calendar year (label <c>2018</c>).</summary>
    Year,
}
