using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>
/// A lead from (or referred by) an existing customer account goes to the account's owner when the owner passes the
/// plan's eligibility rules (active, available, under capacity); otherwise the step passes. The owner is looked up
/// (asynchronously) before deciding and read from <see cref="RoutingContext.AccountOwner"/>.
/// </summary>
internal sealed class AccountOwnershipStrategy : IRoutingStrategy, ICompiledStep
{
    private readonly Dictionary<SalesRepId, RepEntry> _reps;
    private readonly Eligibility _eligibility;

    public AccountOwnershipStrategy(string name, IAccountOwnerDirectory directory, Dictionary<SalesRepId, RepEntry> reps, Eligibility eligibility)
    {
        Name = name;
        Directory = directory;
        _reps = reps;
        _eligibility = eligibility;
    }

    public string Name { get; }

    /// <summary>Gets the directory the plan asks before deciding.</summary>
    public IAccountOwnerDirectory Directory { get; }

    public RoutingDecision Decide(in RoutingContext context)
    {
        if (context.Lead.AccountId is null)
        {
            context.Explanation?.RecordStep(Name, "the lead has no customer account");
            return RoutingDecision.Unassigned(UnassignedReason.NotApplicable);
        }

        if (context.AccountOwner is not { IsDefault: false } owner)
        {
            context.Explanation?.RecordStep(Name, "the lead's account has no owner");
            return RoutingDecision.Unassigned(UnassignedReason.NotApplicable);
        }

        if (!_reps.TryGetValue(owner, out var entry))
        {
            context.Explanation?.RecordSkipped(owner, Name, RepSkipReason.Unknown);
            context.Explanation?.RecordStep(Name, "the account owner is not a rep of this plan");
            return RoutingDecision.Unassigned(UnassignedReason.NoEligibleRep);
        }

        var counters = context.Ledger.GetCounters(owner);
        var reason = _eligibility.Check(entry, counters, context, requireCoverage: false);
        if (reason != RepSkipReason.None)
        {
            context.Explanation?.RecordSkipped(owner, Name, reason);
            context.Explanation?.RecordStep(Name, $"the account owner cannot take it ({reason})");
            return RoutingDecision.Unassigned(UnassignedReason.NoEligibleRep);
        }

        context.Explanation?.RecordStep(Name, "the account owner takes it");
        var change = new RoutingLedgerChange { ExpectedVersion = context.Ledger.Version, RepId = owner, Counters = _eligibility.Next(entry, counters, context.AsOf) };
        return RoutingDecision.AssignedWithChange(change, Name);
    }

    public bool IsCompiledWith(Eligibility eligibility) => ReferenceEquals(_eligibility, eligibility);
}
