using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Routing.Engine;

/// <summary>
/// The plan-wide eligibility rules every built-in selection applies, in this order: active, out of office, working
/// hours, open-lead capacity, period capacity, attribute coverage (when asked), application filters;
/// a rep whose counters are at their limit (<see cref="RepCounters.IsFull"/>) is never eligible.
/// Also computes a rep's counters after one more assignment. Pure: reads counters, changes nothing.
/// </summary>
internal sealed class Eligibility
{
    private readonly bool _respectAvailability;
    private readonly bool _enforceOpenLeadCapacity;
    private readonly CapacityPeriod _period;
    private readonly CustomFieldKey _productField;
    private readonly IRepFilter[] _filters;

    public Eligibility(RoutingPlanOptions options, IRepFilter[] filters)
    {
        _respectAvailability = options.RespectAvailability;
        _enforceOpenLeadCapacity = options.EnforceOpenLeadCapacity;
        _period = options.CapacityPeriod;
        _productField = options.ProductField;
        _filters = filters;
    }

    public CustomFieldKey ProductField => _productField;

    public RepSkipReason Check(RepEntry entry, RepCounters counters, in RoutingContext context, bool requireCoverage)
    {
        if (!entry.IsActive)
        {
            return RepSkipReason.Inactive;
        }

        if (counters.IsFull)
        {
            return RepSkipReason.CounterLimitReached;
        }

        if (!entry.NeedsChecks && !requireCoverage)
        {
            return RepSkipReason.None;
        }

        var rep = entry.Rep;
        if (_respectAvailability && entry.HasAvailabilityRules)
        {
            var reason = CheckAvailability(entry, context.AsOf);
            if (reason != RepSkipReason.None)
            {
                return reason;
            }
        }

        if (_enforceOpenLeadCapacity && entry.MaxOpenLeads > 0 && counters.Open >= entry.MaxOpenLeads)
        {
            return RepSkipReason.OpenLeadCapacityReached;
        }

        if (entry.MaxNewLeadsPerPeriod > 0
            && counters.PeriodStart == PeriodStart(entry, context.AsOf) && counters.AssignedInPeriod >= entry.MaxNewLeadsPerPeriod)
        {
            return RepSkipReason.PeriodCapacityReached;
        }

        if (requireCoverage && !Covers(entry, context.Lead))
        {
            return RepSkipReason.AttributesNotCovered;
        }

        foreach (var filter in _filters)
        {
            if (!filter.IsEligible(rep, context))
            {
                return RepSkipReason.ExcludedByFilter;
            }
        }

        return RepSkipReason.None;
    }

    /// <summary>
    /// A rep's counters after one more assignment: assigned + 1, open + 1 and, for a rep of the plan with a per-period
    /// limit, period count + 1 (restarting at a new period). Reps without a limit (or outside the plan) count no period,
    /// so the hot path needs no time-zone conversion. The caller checked <see cref="RepCounters.IsFull"/>.
    /// </summary>
    public RepCounters Next(RepEntry? entry, RepCounters counters, DateTimeOffset asOf)
    {
        var next = counters with { Assigned = counters.Assigned + 1, Open = counters.Open + 1 };
        if (entry is not { MaxNewLeadsPerPeriod: > 0 })
        {
            return next;
        }

        var start = PeriodStart(entry, asOf);
        return counters.PeriodStart == start
            ? next with { AssignedInPeriod = counters.AssignedInPeriod + 1 }
            : next with { PeriodStart = start, AssignedInPeriod = 1 };
    }

    /// <summary>The first day of the period containing <paramref name="asOf"/> in the rep's time zone.</summary>
    public DateOnly PeriodStart(RepEntry entry, DateTimeOffset asOf)
    {
        var local = DateOnly.FromDateTime(entry.ToLocal(asOf));
        return _period switch
        {
            CapacityPeriod.Day => local,
            CapacityPeriod.Week => local.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            _ => local.AddDays(1 - local.Day),
        };
    }

    public bool Covers(RepEntry entry, Lead lead)
    {
        var rep = entry.Rep;
        var company = lead.Company;
        if (!rep.Countries.IsEmpty && (company?.Country is not { } country || !rep.Countries.Contains(country)))
        {
            return false;
        }

        if (!rep.Regions.IsEmpty && (company?.Region is not { } region || !ContainsIgnoreCase(rep.Regions.AsSpan(), region)))
        {
            return false;
        }

        if (!rep.Industries.IsEmpty && (company?.Industry is not { } industry || !Contains(rep.Industries.AsSpan(), industry)))
        {
            return false;
        }

        if ((rep.MinEmployees is not null || rep.MaxEmployees is not null)
            && (company?.EmployeeCount is not { } employees || employees < (rep.MinEmployees ?? 0) || employees > (rep.MaxEmployees ?? int.MaxValue)))
        {
            return false;
        }

        if (!rep.Languages.IsEmpty && (lead.Contact.Language is not { } language || !Contains(rep.Languages.AsSpan(), language)))
        {
            return false;
        }

        return rep.Products.IsEmpty || (ProductOf(lead) is { } product && Contains(rep.Products.AsSpan(), product));
    }

    /// <summary>The lead's product of interest: the text of the configured product custom field.</summary>
    public string? ProductOf(Lead lead)
        => lead.TryGetCustomField(_productField, out var value) && value.Kind == CustomFieldValueKind.Text ? value.Text : null;

    private static RepSkipReason CheckAvailability(RepEntry entry, DateTimeOffset asOf)
    {
        var availability = entry.Rep.Availability;
        foreach (var period in availability.OutOfOffice)
        {
            if (period.Contains(asOf))
            {
                return RepSkipReason.OutOfOffice;
            }
        }

        if (availability.WorkingHours.IsEmpty)
        {
            return RepSkipReason.None;
        }

        var local = entry.ToLocal(asOf);
        foreach (var window in availability.WorkingHours)
        {
            if (window.Contains(local))
            {
                return RepSkipReason.None;
            }
        }

        return RepSkipReason.OutsideWorkingHours;
    }

    private static bool Contains(ReadOnlySpan<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
