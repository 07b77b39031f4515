using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Abstractions.Routing;

/// <summary>
/// What a strategy needs to route one lead: the lead, the moment, the ledger snapshot to decide from, the account
/// owner looked up before deciding and, when asked for, an explanation to fill.
/// </summary>
/// <remarks>A small value passed by reference (<c>in</c>); deciding reads the snapshot and never changes it.</remarks>
public readonly struct RoutingContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="lead">The lead to route.</param>
    /// <param name="asOf">The moment of the assignment: decides availability (working hours, out of office) and the capacity period.</param>
    /// <param name="ledger">The ledger snapshot to decide from.</param>
    /// <param name="explanation">An explanation to fill, or <see langword="null"/> (the default) for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> or <paramref name="ledger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is the default value.</exception>
    public RoutingContext(Lead lead, DateTimeOffset asOf, RoutingLedgerSnapshot ledger, RoutingExplanation? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(ledger);
        if (asOf == default)
        {
            throw new ArgumentException($"asOf must be set (was the default value {asOf:O}).", nameof(asOf));
        }

        Lead = lead;
        AsOf = asOf;
        Ledger = ledger;
        Explanation = explanation;
    }

    /// <summary>Gets the lead to route.</summary>
    public Lead Lead { get; }

    /// <summary>Gets the moment of the assignment.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets the ledger snapshot the decision is made from.</summary>
    public RoutingLedgerSnapshot Ledger { get; }

    /// <summary>
    /// Gets the owner of the lead's account, looked up (asynchronously, through <see cref="IAccountOwnerDirectory"/>)
    /// before deciding; <see langword="null"/> when the lead has no account, the account has no owner or nobody looked.
    /// </summary>
    public SalesRepId? AccountOwner { get; init; }

    /// <summary>Gets the explanation to fill, or <see langword="null"/> when none was asked for.</summary>
    public RoutingExplanation? Explanation { get; }

    /// <summary>Gets a value indicating whether an explanation was asked for.</summary>
    public bool IsExplaining => Explanation is not null;
}
