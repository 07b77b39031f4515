using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Abstractions.Fields;

/// <summary>
/// The <see cref="LeadField"/> vocabulary: each field's JSON name and <see cref="FieldType"/>, the names of named
/// values, and the one reader that maps a field to a lead's property. Scoring's compiled conditions, the learner and
/// routing read fields through these methods, so a field means the same thing everywhere. Nothing here allocates
/// per lead; the typed readers inline to a property read when the field is a constant.
/// </summary>
public static class LeadFields
{
    private static readonly (LeadField Field, string Name, FieldType Type)[] Table =
    [
        (LeadField.Source, "source", FieldType.Text),
        (LeadField.EmailDomain, "contact.emailDomain", FieldType.Text),
        (LeadField.EmailIsFreeMail, "contact.emailIsFreeMail", FieldType.Boolean),
        (LeadField.JobTitle, "contact.jobTitle", FieldType.Text),
        (LeadField.Seniority, "contact.seniority", FieldType.Named),
        (LeadField.Language, "contact.language", FieldType.Text),
        (LeadField.CompanyDomain, "company.domain", FieldType.Text),
        (LeadField.Industry, "company.industry", FieldType.Text),
        (LeadField.Country, "company.country", FieldType.Text),
        (LeadField.Region, "company.region", FieldType.Text),
        (LeadField.EmployeeCount, "company.employeeCount", FieldType.Number),
        (LeadField.AnnualRevenue, "company.annualRevenue", FieldType.Number),
        (LeadField.TimeframeKind, "timeframe.kind", FieldType.Named),
        (LeadField.TimeframeDays, "timeframe.days", FieldType.Number),
        (LeadField.BantBudget, "bant.budget", FieldType.Named),
        (LeadField.BantAuthority, "bant.authority", FieldType.Named),
        (LeadField.BantNeed, "bant.need", FieldType.Named),
        (LeadField.BantTimeline, "bant.timeline", FieldType.Named),
        (LeadField.BantConfirmedCount, "bant.confirmedCount", FieldType.Number),
        (LeadField.MarketingConsent, "consent.marketing", FieldType.Boolean),
        (LeadField.DoNotContact, "consent.doNotContact", FieldType.Boolean),
        (LeadField.DoNotEmail, "consent.doNotEmail", FieldType.Boolean),
        (LeadField.DoNotCall, "consent.doNotCall", FieldType.Boolean),
        (LeadField.ExistingCustomer, "account.isCustomer", FieldType.Boolean),
        (LeadField.Recycled, "recycled", FieldType.Boolean),
        (LeadField.Custom, "custom", FieldType.Custom),
    ];

    // The format's spelling of named values is camelCase ("vicePresident", "cLevel"); they are read ignoring case.
    private static readonly ImmutableArray<string> SeniorityNames = CamelCase(Enum.GetNames<Seniority>());
    private static readonly ImmutableArray<string> TimeframeNames = CamelCase(Enum.GetNames<PurchaseTimeframeKind>());
    private static readonly ImmutableArray<string> BantNames = CamelCase(Enum.GetNames<BantStatus>());

    /// <summary>Gets every field (not <see cref="LeadField.None"/>), in the order of <see cref="Names"/>.</summary>
    public static ImmutableArray<LeadField> All { get; } = [.. Table.Select(f => f.Field)];

    /// <summary>Gets every field's JSON name (<c>contact.emailDomain</c>, ..., <c>custom</c>).</summary>
    public static ImmutableArray<string> Names { get; } = [.. Table.Select(f => f.Name)];

    /// <summary>Gets a field's JSON name, e.g. <c>company.employeeCount</c>.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The name; <c>none</c> for <see cref="LeadField.None"/> or an undefined value.</returns>
    public static string NameOf(LeadField field)
    {
        foreach (var f in Table)
        {
            if (f.Field == field)
            {
                return f.Name;
            }
        }

        return "none";
    }

    /// <summary>Finds a field by its JSON name (ordinal: names are case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="field">The field, or <see cref="LeadField.None"/>.</param>
    /// <returns><see langword="true"/> when the name is one of <see cref="Names"/>.</returns>
    public static bool TryParse(string? name, out LeadField field)
    {
        foreach (var f in Table)
        {
            if (string.Equals(f.Name, name, StringComparison.Ordinal))
            {
                field = f.Field;
                return true;
            }
        }

        field = LeadField.None;
        return false;
    }

    /// <summary>Gets a field's type.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The type; <see cref="FieldType.Custom"/> for <see cref="LeadField.Custom"/>, <see cref="FieldType.None"/> for an undefined field.</returns>
    public static FieldType TypeOf(LeadField field)
    {
        foreach (var f in Table)
        {
            if (f.Field == field)
            {
                return f.Type;
            }
        }

        return FieldType.None;
    }

    /// <summary>Gets the camelCase names of a named-value field's values, indexed by the enum's integer value (the enums are dense from 0).</summary>
    /// <param name="field">The field.</param>
    /// <returns>The names; empty for a field that is not <see cref="FieldType.Named"/>.</returns>
    public static ImmutableArray<string> NamedValues(LeadField field) => field switch
    {
        LeadField.Seniority => SeniorityNames,
        LeadField.TimeframeKind => TimeframeNames,
        LeadField.BantBudget or LeadField.BantAuthority or LeadField.BantNeed or LeadField.BantTimeline => BantNames,
        _ => [],
    };

    /// <summary>Finds a named value by name, ignoring case (<c>"vicePresident"</c>, <c>"VicePresident"</c>).</summary>
    /// <param name="field">A named-value field.</param>
    /// <param name="name">The name.</param>
    /// <param name="value">The enum's integer value, or -1.</param>
    /// <returns><see langword="true"/> when the name is one of <see cref="NamedValues"/>.</returns>
    public static bool TryParseNamedValue(LeadField field, string? name, out int value)
    {
        var names = NamedValues(field);
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                value = i;
                return true;
            }
        }

        value = -1;
        return false;
    }

    /// <summary>Reads any field as a typed value: the general reader, which every operator's reference semantics use.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="field">The field.</param>
    /// <param name="customKey">The custom attribute's key when <paramref name="field"/> is <see cref="LeadField.Custom"/>.</param>
    /// <returns>The value; <see cref="FieldValue.IsMissing"/> when the lead does not have the fact.</returns>
    public static FieldValue Read(Lead lead, LeadField field, CustomFieldKey customKey = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        switch (TypeOf(field))
        {
            case FieldType.Text:
                return FieldValue.OfText(ReadText(lead, field));
            case FieldType.Named:
                return FieldValue.OfNamed(ReadNamed(lead, field));
            case FieldType.Number:
                return TryReadNumber(lead, field, out var number) ? FieldValue.OfNumber(number) : default;
            case FieldType.Boolean:
                return TryReadBoolean(lead, field, out var boolean) ? FieldValue.OfBoolean(boolean) : default;
            case FieldType.Custom when !customKey.IsDefault && lead.TryGetCustomField(customKey, out var value):
                return value.Kind switch
                {
                    CustomFieldValueKind.Text => FieldValue.OfText(value.Text),
                    CustomFieldValueKind.Number => FieldValue.OfNumber(value.Number),
                    CustomFieldValueKind.Boolean => FieldValue.OfBoolean(value.Boolean),
                    CustomFieldValueKind.Date => FieldValue.OfDate(),
                    _ => default,
                };
            default:
                return default;
        }
    }

    /// <summary>Reads a text field.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="field">The field.</param>
    /// <returns>The text; <see langword="null"/> when missing or when the field is not a text field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? ReadText(Lead lead, LeadField field) => field switch
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

    /// <summary>Reads a named-value field as the enum's integer value (a named value is never missing).</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="field">The field.</param>
    /// <returns>The value; -1 when the field is not a named-value field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadNamed(Lead lead, LeadField field) => field switch
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
    /// <param name="lead">The lead.</param>
    /// <param name="field">The field.</param>
    /// <param name="number">The number, or 0.</param>
    /// <returns><see langword="false"/> when the value is missing or the field is not a number field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadNumber(Lead lead, LeadField field, out double number)
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
    /// <param name="lead">The lead.</param>
    /// <param name="field">The field.</param>
    /// <param name="value">The value, or <see langword="false"/>.</param>
    /// <returns><see langword="false"/> when the value is missing (no e-mail for <see cref="LeadField.EmailIsFreeMail"/>) or the field is not a boolean field.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadBoolean(Lead lead, LeadField field, out bool value)
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

    private static ImmutableArray<string> CamelCase(string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = string.Concat(names[i][..1].ToLowerInvariant(), names[i].AsSpan(1));
        }

        return [.. names];
    }
}
