namespace LeadKit.Metrics.DataQuality;

/// <summary>The data-quality problems the calculators detect.</summary>
public enum DataQualityIssueKind
{
    /// <summary>Two or more records of the same kind share an id; all of them are affected, whichever came first.</summary>
    DuplicateId = 0,

    /// <summary>A stage change is earlier than the change before it in the list.</summary>
    EventsOutOfOrder,

    /// <summary>A stage change, assignment or first touch happened before the lead was created.</summary>
    EventBeforeCreation,

    /// <summary>The lead reached the converted (won) stage before it was created, e.g. a deal won before its first contact.</summary>
    WonBeforeCreation,

    /// <summary>A stage change leaves a stage the lead was not in (its <c>From</c> is not the previous change's <c>To</c>).</summary>
    BrokenHistory,

    /// <summary>A deal was won before the lead it came from was created.</summary>
    DealWonBeforeLeadCreated,

    /// <summary>A deal's currency is not one of the accepted currencies.</summary>
    UnknownCurrency,

    /// <summary>A customer churned before it was acquired.</summary>
    ChurnBeforeAcquisition,

    /// <summary>A value that must not be negative is negative (a negative duration, amount or count).</summary>
    NegativeValue,

    /// <summary>A deal was lost (closed) before the lead it came from was created.</summary>
    DealLostBeforeLeadCreated,

    /// <summary>
    /// An instant the report cannot place in a period: its period lies at the edge of the calendar (year 1 or 9999 in
    /// the report's time zone), or a customer's acquisition or churn lies outside the window of
    /// <see cref="Reports.FunnelReportOptions.MaximumRetentionPeriods"/> periods that holds most of the customer dates
    /// (such as a churn date of 9999-12-30 used for "never").
    /// </summary>
    DateOutOfRange,
}
