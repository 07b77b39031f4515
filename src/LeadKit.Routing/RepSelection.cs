namespace LeadKit.Routing;

/// <summary>How a pool of reps (a team, or every rep covering the lead) picks one eligible rep.</summary>
public enum RepSelection
{
    /// <summary>
    /// Strict rotation in member order: the next eligible rep after the last one chosen. With a fixed set of
    /// eligible reps, assignment counts differ by at most one.
    /// </summary>
    RoundRobin = 0,

    /// <summary>
    /// Smooth, deterministic weighted round robin (no randomness) with the quota guarantee: after n assignments each
    /// rep's count stays within one of weight x n / total weight, at every prefix. The t-th lead goes to the rep with
    /// the earliest deadline (count + 1) / weight among reps released by total x count &lt;= weight x t (ties: member
    /// order) — an earliest-deadline schedule for the chairman-assignment problem.
    /// </summary>
    WeightedRoundRobin,

    /// <summary>
    /// The eligible rep with the lowest load = open leads / <see cref="Abstractions.Sales.SalesRep.MaxOpenLeads"/>
    /// (ties: fewer open leads, then fewer assigned in total, then member order). Every member needs a
    /// <see cref="Abstractions.Sales.SalesRep.MaxOpenLeads"/>; a full rep is never chosen.
    /// </summary>
    LoadBalancing,
}
