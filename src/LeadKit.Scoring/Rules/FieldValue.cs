using LeadKit.Abstractions.Leads;

namespace LeadKit.Scoring.Rules;

/// <summary>A lead field's value read without allocating.</summary>
internal readonly struct FieldValue
{
    private FieldValue(FieldType type, string? text, double number, bool boolean, int named)
    {
        Type = type;
        Text = text;
        Number = number;
        Boolean = boolean;
        Named = named;
    }

    public FieldType Type { get; }

    public string? Text { get; }

    public double Number { get; }

    public bool Boolean { get; }

    public int Named { get; }

    public static FieldValue Read(Lead lead, LeadField field, Abstractions.Leads.CustomFieldKey key)
    {
        var contact = lead.Contact;
        var company = lead.Company;
        return field switch
        {
            LeadField.Source => OfText(lead.Source.Value),
            LeadField.EmailDomain => OfText(contact.Email?.Domain),
            LeadField.EmailIsFreeMail => contact.Email?.Domain is { } d ? OfBoolean(FreeMailDomains.Default.Contains(d)) : default,
            LeadField.JobTitle => OfText(contact.JobTitle),
            LeadField.Seniority => OfNamed((int)contact.Seniority),
            LeadField.Language => OfText(contact.Language),
            LeadField.CompanyDomain => OfText(company?.Domain),
            LeadField.Industry => OfText(company?.Industry),
            LeadField.Country => OfText(company?.Country?.Value),
            LeadField.Region => OfText(company?.Region),
            LeadField.EmployeeCount => company?.EmployeeCount is { } n ? OfNumber(n) : default,
            LeadField.AnnualRevenue => company?.AnnualRevenue is { } r ? OfNumber((double)r.Amount) : default,
            LeadField.TimeframeKind => OfNamed((int)lead.Timeframe.Kind),
            LeadField.TimeframeDays => lead.Timeframe.Kind == PurchaseTimeframeKind.WithinDays ? OfNumber(lead.Timeframe.Days) : default,
            LeadField.BantBudget => OfNamed((int)lead.Bant.Budget),
            LeadField.BantAuthority => OfNamed((int)lead.Bant.Authority),
            LeadField.BantNeed => OfNamed((int)lead.Bant.Need),
            LeadField.BantTimeline => OfNamed((int)lead.Bant.Timeline),
            LeadField.BantConfirmedCount => OfNumber(lead.Bant.ConfirmedCount),
            LeadField.MarketingConsent => OfBoolean(lead.Consent.MarketingConsent),
            LeadField.DoNotContact => OfBoolean(lead.Consent.DoNotContact),
            LeadField.DoNotEmail => OfBoolean(lead.Consent.DoNotEmail),
            LeadField.DoNotCall => OfBoolean(lead.Consent.DoNotCall),
            LeadField.ExistingCustomer => OfBoolean(lead.AccountId is not null),
            LeadField.Recycled => OfBoolean(lead.RecycledFromDealId is not null),
            LeadField.Custom => ReadCustom(lead, key),
            _ => default,
        };
    }

    private static FieldValue ReadCustom(Lead lead, Abstractions.Leads.CustomFieldKey key)
    {
        if (!lead.TryGetCustomField(key, out var value))
        {
            return default;
        }

        return value.Kind switch
        {
            CustomFieldValueKind.Text => OfText(value.Text),
            CustomFieldValueKind.Number => OfNumber(value.Number),
            CustomFieldValueKind.Boolean => OfBoolean(value.Boolean),
            CustomFieldValueKind.Date => new FieldValue(FieldType.Any, null, 0, false, 0),
            _ => default,
        };
    }

    private static FieldValue OfText(string? text) => text is null ? default : new(FieldType.Text, text, 0, false, 0);

    private static FieldValue OfNumber(double number) => new(FieldType.Number, null, number, false, 0);

    private static FieldValue OfBoolean(bool boolean) => new(FieldType.Boolean, null, 0, boolean, 0);

    private static FieldValue OfNamed(int named) => new(FieldType.Named, null, 0, false, named);
}
