namespace LeadKit.Funnel.Assignment;

/// <summary>A snapshot of one rep's assignment counters.</summary>
/// <param name="Assigned">Leads assigned to the rep in total.</param>
/// <param name="Open">Leads the rep currently holds (assigned and not yet released).</param>
/// <param name="PeriodStart">
/// The first day of the capacity period <paramref name="AssignedInPeriod"/> counts, or <see langword="null"/> before the
/// first counted assignment. Periods are counted only for reps with a <see cref="Abstractions.Sales.SalesRep.MaxNewLeadsPerPeriod"/>.
/// </param>
/// <param name="AssignedInPeriod">Leads assigned to the rep in that period.</param>
public readonly record struct RepCounters(long Assigned, int Open, DateOnly? PeriodStart, int AssignedInPeriod);
