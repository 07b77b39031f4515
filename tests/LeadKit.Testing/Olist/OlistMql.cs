using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Testing.Olist;

/// <summary>A row of <c>olist_marketing_qualified_leads_dataset.csv</c>: a marketing-qualified lead.</summary>
/// <param name="Id">mql_id.</param>
/// <param name="FirstContact">first_contact_date at midnight (the file has no time zone; read as UTC, as PROVENANCE.md computes days).</param>
/// <param name="LandingPageId">landing_page_id.</param>
/// <param name="Origin">origin (the marketing channel), empty when blank in the file.</param>
/// <param name="Line">The line in the file.</param>
public sealed record OlistMql(LeadId Id, DateTimeOffset FirstContact, string LandingPageId, string Origin, int Line)
{
    /// <summary>Gets the origin as a lead source; a blank origin is <see cref="OlistDataset.BlankOrigin"/>.</summary>
    /// <remarks>The importer reports (and leaves out) a row whose origin is not a valid source name, so this never throws for an imported row.</remarks>
    public LeadSource Source => Origin.Length == 0 ? OlistDataset.BlankOrigin : new LeadSource(Origin);

    /// <summary>
    /// Gets the MQL as a lead as it was known at its first contact: id, <see cref="Lead.CreatedAt"/> = first contact,
    /// <see cref="Lead.Source"/> = origin, and the landing page as the text custom field <see cref="OlistDataset.LandingPage"/>.
    /// </summary>
    /// <returns>The lead; it has no signals (the file records none).</returns>
    public Lead ToLead() => new()
    {
        Id = Id,
        CreatedAt = FirstContact,
        Source = Source,
        CustomFields = [new CustomField(OlistDataset.LandingPage, CustomFieldValue.FromText(LandingPageId))],
    };
}
