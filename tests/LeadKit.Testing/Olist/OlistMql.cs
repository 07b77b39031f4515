using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Testing.Olist;

/// <summary>A row of <c>olist_marketing_qualified_leads_dataset.csv</c>: a marketing-qualified lead.</summary>
/// <param name="Id">mql_id.</param>
/// <param name="FirstContact">first_contact_date at midnight (the file has no time zone; read as UTC, as PROVENANCE.md computes days).</param>
/// <param name="LandingPageId">landing_page_id.</param>
/// <param name="Origin">origin (the marketing channel), empty when blank in the file.</param>
/// <param name="Line">The line in the file.</param>
public sealed record OlistMql(LeadId Id, DateTimeOffset FirstContact, string LandingPageId, string Origin, int Line);
