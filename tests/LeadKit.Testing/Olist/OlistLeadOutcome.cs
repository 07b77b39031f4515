using LeadKit.Abstractions.Leads;

namespace LeadKit.Testing.Olist;

/// <summary>
/// An Olist MQL as history for backtesting and learning: the lead as known when it was qualified, the moment of that
/// decision, and whether it was won.
/// </summary>
/// <param name="Lead">The lead (<see cref="OlistMql.ToLead"/>): origin and landing page, no signals.</param>
/// <param name="DecidedAt">The first contact: the qualification decision is taken then, and nothing later is known.</param>
/// <param name="Won"><see langword="true"/> when the MQL appears in the closed-deals file.</param>
/// <param name="Mql">The row the lead was read from.</param>
public sealed record OlistLeadOutcome(Lead Lead, DateTimeOffset DecidedAt, bool Won, OlistMql Mql);
