using LeadKit.Abstractions.Sales;

namespace LeadKit.Abstractions.Routing;

/// <summary>
/// An application-defined eligibility rule applied by the built-in selection steps after the built-in filters
/// (active, availability, capacity), e.g. "reps in probation take no enterprise leads".
/// </summary>
/// <remarks>
/// Implementations must be thread-safe, fast, allocation-free and non-blocking: they run for every candidate of every
/// lead while a decision is made (read counters from <see cref="RoutingContext.Ledger"/>; never do I/O here).
/// </remarks>
public interface IRepFilter
{
    /// <summary>Decides whether a rep may take a lead.</summary>
    /// <param name="rep">The candidate rep.</param>
    /// <param name="context">The lead and the moment of assignment.</param>
    /// <returns><see langword="true"/> when the rep may take the lead; otherwise the rep is skipped with <see cref="RepSkipReason.ExcludedByFilter"/>.</returns>
    bool IsEligible(SalesRep rep, in RoutingContext context);
}
