namespace LeadKit.Metrics.DataQuality;

/// <summary>The data-quality section of a report: every problem found and how many records were left out.</summary>
/// <remarks>
/// <see cref="Issues"/> is sorted by record kind, record id, problem kind and detail, so it does not depend on the
/// order of the input. An immutable value; thread-safe.
/// </remarks>
public sealed class DataQualityReport
{
    /// <summary>Creates the section.</summary>
    /// <param name="issues">The problems found, sorted.</param>
    /// <param name="excludedJourneys">Lead journeys left out of every KPI.</param>
    /// <param name="excludedDeals">Deals left out of every KPI.</param>
    /// <param name="excludedCustomers">Customer records left out of every KPI.</param>
    internal DataQualityReport(IReadOnlyList<DataQualityIssue> issues, long excludedJourneys, long excludedDeals, long excludedCustomers)
    {
        Issues = issues;
        ExcludedJourneys = excludedJourneys;
        ExcludedDeals = excludedDeals;
        ExcludedCustomers = excludedCustomers;
    }

    /// <summary>Gets every problem found, sorted.</summary>
    public IReadOnlyList<DataQualityIssue> Issues { get; }

    /// <summary>Gets the number of lead journeys left out of every KPI.</summary>
    public long ExcludedJourneys { get; }

    /// <summary>Gets the number of deals left out of every KPI.</summary>
    public long ExcludedDeals { get; }

    /// <summary>Gets the number of customer records left out of every KPI.</summary>
    public long ExcludedCustomers { get; }

    /// <summary>Gets a value indicating whether no problem was found.</summary>
    public bool IsClean => Issues.Count == 0;
}
