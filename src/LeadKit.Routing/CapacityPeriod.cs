namespace LeadKit.Routing;

/// <summary>The period over which <see cref="Abstractions.Sales.SalesRep.MaxNewLeadsPerPeriod"/> is counted, in the rep's time zone.</summary>
public enum CapacityPeriod
{
    /// <summary>No per-period limit is enforced.</summary>
    None = 0,

    /// <summary>A calendar day (local midnight to midnight).</summary>
    Day,

    /// <summary>An ISO week (Monday to Sunday).</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,
}
