using LeadKit.Abstractions.Assignment;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Funnel.Assignment.Engine;

/// <summary>
/// The plan-wide eligibility rules every built-in selection applies, in this order: active, out of office, working
/// hours, open-lead capacity, period capacity, attribute coverage (when asked), application filters;
/// a rep whose counters are at their limit (<see cref="RepLedger.IsFull"/>) is never eligible.
/// Also records an assignment in the rep's ledger. Callers hold the state's lock.
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

    public RepSkipReason Check(RepEntry entry, in AssignmentContext context, bool requireCoverage)
    {
        if (!entry.IsActive)
        {
            return RepSkipReason.Inactive;
        }

        if (entry.Ledger.IsFull)
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

        var ledger = entry.Ledger;
        if (_enforceOpenLeadCapacity && entry.MaxOpenLeads > 0 && ledger.Open >= entry.MaxOpenLeads)
        {
            return RepSkipReason.OpenLeadCapacityReached;
        }

        if (entry.MaxNewLeadsPerPeriod > 0
            && ledger.PeriodStart == PeriodStart(entry, context.AsOf) && ledger.PeriodCount >= entry.MaxNewLeadsPerPeriod)
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
    /// Records one assignment: assigned + 1, open + 1 and, for a rep with a per-period limit, period count + 1
    /// (restarting at a new period). Reps without a limit skip the period so the hot path needs no time-zone conversion.
    /// </summary>
    public void Commit(RepEntry entry, DateTimeOffset asOf)
    {
        var ledger = entry.Ledger;
        ledger.Commit();
        if (entry.MaxNewLeadsPerPeriod > 0)
        {
            var start = PeriodStart(entry, asOf);
            if (ledger.PeriodStart != start)
            {
                ledger.PeriodStart = start;
                ledger.PeriodCount = 0;
            }

            ledger.PeriodCount++;
        }
    }

    /// <summary>The day number of the first day of the period containing <paramref name="asOf"/> in the rep's time zone.</summary>
    public int PeriodStart(RepEntry entry, DateTimeOffset asOf)
    {
        var local = DateOnly.FromDateTime(entry.ToLocal(asOf));
        return _period switch
        {
            CapacityPeriod.Day => local.DayNumber,
            CapacityPeriod.Week => local.DayNumber - (((int)local.DayOfWeek + 6) % 7),
            _ => local.DayNumber - local.Day + 1,
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
