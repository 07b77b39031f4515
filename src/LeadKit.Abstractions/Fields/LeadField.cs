namespace LeadKit.Abstractions.Fields;

/// <summary>
/// The closed set of lead fields that conditions test: scoring's attribute conditions, the learner's features and
/// routing rules all name a fact of a lead with this one vocabulary. Each field has a <see cref="FieldType"/> (see
/// <see cref="LeadFields.TypeOf"/>) and a JSON name (see <see cref="LeadFields.NameOf"/>); <see cref="LeadFields.Read"/>
/// reads it. Custom attributes use <see cref="Custom"/> with a key; their type is the type of the lead's value.
/// </summary>
public enum LeadField
{
    /// <summary>Not set (invalid).</summary>
    None = 0,

    /// <summary>Text: the lead source machine name (<c>source</c>).</summary>
    Source,

    /// <summary>Text: the lower-cased e-mail domain (<c>contact.emailDomain</c>).</summary>
    EmailDomain,

    /// <summary>Boolean: the e-mail domain is a well-known free-mail domain (<c>contact.emailIsFreeMail</c>); see <see cref="FreeMailDomains"/>.</summary>
    EmailIsFreeMail,

    /// <summary>Text: the job title as given (<c>contact.jobTitle</c>).</summary>
    JobTitle,

    /// <summary>Named value: the contact's <see cref="Leads.Seniority"/> (<c>contact.seniority</c>).</summary>
    Seniority,

    /// <summary>Text: the ISO 639-1 language (<c>contact.language</c>).</summary>
    Language,

    /// <summary>Text: the company's web domain (<c>company.domain</c>).</summary>
    CompanyDomain,

    /// <summary>Text: the company's industry (<c>company.industry</c>).</summary>
    Industry,

    /// <summary>Text: the company's ISO 3166 country code (<c>company.country</c>).</summary>
    Country,

    /// <summary>Text: the company's region (<c>company.region</c>).</summary>
    Region,

    /// <summary>Number: the company's employee count (<c>company.employeeCount</c>).</summary>
    EmployeeCount,

    /// <summary>Number: the company's annual revenue amount, in its own currency (<c>company.annualRevenue</c>).</summary>
    AnnualRevenue,

    /// <summary>Named value: the <see cref="Leads.PurchaseTimeframeKind"/> (<c>timeframe.kind</c>).</summary>
    TimeframeKind,

    /// <summary>Number: the days of a "within N days" timeframe; missing otherwise (<c>timeframe.days</c>).</summary>
    TimeframeDays,

    /// <summary>Named value: the BANT budget status (<c>bant.budget</c>).</summary>
    BantBudget,

    /// <summary>Named value: the BANT authority status (<c>bant.authority</c>).</summary>
    BantAuthority,

    /// <summary>Named value: the BANT need status (<c>bant.need</c>).</summary>
    BantNeed,

    /// <summary>Named value: the BANT timeline status (<c>bant.timeline</c>).</summary>
    BantTimeline,

    /// <summary>Number: how many BANT criteria are confirmed, 0 to 4 (<c>bant.confirmedCount</c>).</summary>
    BantConfirmedCount,

    /// <summary>Boolean: the lead agreed to marketing (<c>consent.marketing</c>).</summary>
    MarketingConsent,

    /// <summary>Boolean: the lead must not be contacted (<c>consent.doNotContact</c>).</summary>
    DoNotContact,

    /// <summary>Boolean: the lead must not be e-mailed (<c>consent.doNotEmail</c>).</summary>
    DoNotEmail,

    /// <summary>Boolean: the lead must not be called (<c>consent.doNotCall</c>).</summary>
    DoNotCall,

    /// <summary>Boolean: the lead belongs to (or was referred by) an existing customer account (<c>account.isCustomer</c>).</summary>
    ExistingCustomer,

    /// <summary>Boolean: the lead was recycled from a lost or closed deal (<c>recycled</c>).</summary>
    Recycled,

    /// <summary>A custom attribute, by key (<c>custom</c> with <c>key</c>).</summary>
    Custom,
}
