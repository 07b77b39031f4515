using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Reads one built-in <see cref="LeadField"/> of a lead by its type, without allocating. The single place that maps
/// field names to lead properties: <see cref="FieldValue"/> and the compiled conditions both read through it.
/// </summary>
internal static class LeadFieldReader
{
    /// <summary>Reads a text field; <see langword="null"/> when missing or not a text field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? Text(Lead lead, LeadField field) => field switch
    {
        LeadField.Source => lead.Source.Value,
        LeadField.EmailDomain => lead.Contact.Email?.Domain,
        LeadField.JobTitle => lead.Contact.JobTitle,
        LeadField.Language => lead.Contact.Language,
        LeadField.CompanyDomain => lead.Company?.Domain,
        LeadField.Industry => lead.Company?.Industry,
        LeadField.Country => lead.Company?.Country?.Value,
        LeadField.Region => lead.Company?.Region,
        _ => null,
    };

    /// <summary>Reads a named-value (enum) field as its integer value; -1 when not a named field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Named(Lead lead, LeadField field) => field switch
    {
        LeadField.Seniority => (int)lead.Contact.Seniority,
        LeadField.TimeframeKind => (int)lead.Timeframe.Kind,
        LeadField.BantBudget => (int)lead.Bant.Budget,
        LeadField.BantAuthority => (int)lead.Bant.Authority,
        LeadField.BantNeed => (int)lead.Bant.Need,
        LeadField.BantTimeline => (int)lead.Bant.Timeline,
        _ => -1,
    };

    /// <summary>Reads a number field.</summary>
    /// <returns><see langword="false"/> when the value is missing or the field is not a number field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryNumber(Lead lead, LeadField field, out double number)
    {
        switch (field)
        {
            case LeadField.EmployeeCount when lead.Company?.EmployeeCount is { } employees:
                number = employees;
                return true;
            case LeadField.AnnualRevenue when lead.Company?.AnnualRevenue is { } revenue:
                number = (double)revenue.Amount;
                return true;
            case LeadField.TimeframeDays when lead.Timeframe.Kind == PurchaseTimeframeKind.WithinDays:
                number = lead.Timeframe.Days;
                return true;
            case LeadField.BantConfirmedCount:
                number = lead.Bant.ConfirmedCount;
                return true;
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>Reads a boolean field.</summary>
    /// <returns><see langword="false"/> when the value is missing or the field is not a boolean field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryBoolean(Lead lead, LeadField field, out bool value)
    {
        switch (field)
        {
            case LeadField.EmailIsFreeMail:
                var domain = lead.Contact.Email?.Domain;
                value = domain is not null && FreeMailDomains.Default.Contains(domain);
                return domain is not null;
            case LeadField.MarketingConsent:
                value = lead.Consent.MarketingConsent;
                return true;
            case LeadField.DoNotContact:
                value = lead.Consent.DoNotContact;
                return true;
            case LeadField.DoNotEmail:
                value = lead.Consent.DoNotEmail;
                return true;
            case LeadField.DoNotCall:
                value = lead.Consent.DoNotCall;
                return true;
            case LeadField.ExistingCustomer:
                value = lead.AccountId is not null;
                return true;
            case LeadField.Recycled:
                value = lead.RecycledFromDealId is not null;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
