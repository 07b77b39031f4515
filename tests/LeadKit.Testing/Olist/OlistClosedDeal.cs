using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Testing.Olist;

/// <summary>A row of <c>olist_closed_deals_dataset.csv</c>: an MQL that became a seller (a won deal).</summary>
/// <param name="MqlId">mql_id, the lead that was won.</param>
/// <param name="SellerId">seller_id.</param>
/// <param name="Sdr">sdr_id, the sales development rep who qualified the lead.</param>
/// <param name="Sr">sr_id, the sales rep who closed the deal.</param>
/// <param name="WonAt">won_date (no time zone in the file; read as UTC).</param>
/// <param name="BusinessSegment">business_segment, empty when blank.</param>
/// <param name="LeadType">lead_type, empty when blank.</param>
/// <param name="DeclaredMonthlyRevenue">declared_monthly_revenue, when given.</param>
/// <param name="Line">The line in the file.</param>
public sealed record OlistClosedDeal(LeadId MqlId, string SellerId, SalesRepId Sdr, SalesRepId Sr, DateTimeOffset WonAt, string BusinessSegment, string LeadType, decimal? DeclaredMonthlyRevenue, int Line);
