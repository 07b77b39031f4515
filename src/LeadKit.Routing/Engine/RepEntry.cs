using LeadKit.Abstractions.Sales;

namespace LeadKit.Routing.Engine;

/// <summary>A rep compiled for routing: the rep, its resolved time zone and pre-computed flags (its counters live in the ledger).</summary>
internal sealed class RepEntry
{
    public RepEntry(SalesRep rep, RoutingPlanOptions options, bool hasFilters)
    {
        Rep = rep;
        IsActive = rep.IsActive;
        Zone = rep.Availability.GetTimeZone();
        IsUtc = Zone.BaseUtcOffset == TimeSpan.Zero && !Zone.SupportsDaylightSavingTime;
        HasAvailabilityRules = !rep.Availability.WorkingHours.IsEmpty || !rep.Availability.OutOfOffice.IsEmpty;
        MaxOpenLeads = rep.MaxOpenLeads ?? 0;
        MaxNewLeadsPerPeriod = options.CapacityPeriod == CapacityPeriod.None ? 0 : rep.MaxNewLeadsPerPeriod ?? 0;
        NeedsChecks = hasFilters
            || (options.RespectAvailability && HasAvailabilityRules)
            || (options.EnforceOpenLeadCapacity && MaxOpenLeads > 0)
            || MaxNewLeadsPerPeriod > 0;
    }

    public SalesRep Rep { get; }

    public bool IsActive { get; }

    /// <summary>
    /// Gets a value indicating whether eligibility depends on more than <see cref="IsActive"/> under the plan's
    /// options (availability rules, capacities, filters); when not, the hot path skips the full check.
    /// </summary>
    public bool NeedsChecks { get; }

    public TimeZoneInfo Zone { get; }

    public bool IsUtc { get; }

    public bool HasAvailabilityRules { get; }

    /// <summary>The open-lead limit; 0 = none.</summary>
    public int MaxOpenLeads { get; }

    /// <summary>The per-period limit; 0 = none (also when the plan counts no period).</summary>
    public int MaxNewLeadsPerPeriod { get; }

    /// <summary>Converts a moment to the rep's local clock time (the offset is dropped).</summary>
    public DateTime ToLocal(DateTimeOffset moment) => IsUtc ? moment.UtcDateTime : TimeZoneInfo.ConvertTime(moment, Zone).DateTime;
}
