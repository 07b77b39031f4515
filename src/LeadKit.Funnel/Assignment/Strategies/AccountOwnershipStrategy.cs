using LeadKit.Abstractions.Assignment;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Assignment.Engine;

namespace LeadKit.Funnel.Assignment.Strategies;

/// <summary>
/// A lead from (or referred by) an existing customer account goes to the account's owner when the owner passes the
/// plan's eligibility rules (active, available, under capacity); otherwise the step passes.
/// </summary>
internal sealed class AccountOwnershipStrategy : IAssignmentStrategy
{
    private readonly IAccountOwnerDirectory _directory;
    private readonly Dictionary<SalesRepId, RepEntry> _reps;
    private readonly Eligibility _eligibility;
    private readonly Lock _gate;

    public AccountOwnershipStrategy(string name, IAccountOwnerDirectory directory, Dictionary<SalesRepId, RepEntry> reps, Eligibility eligibility, AssignmentState state)
    {
        Name = name;
        _directory = directory;
        _reps = reps;
        _eligibility = eligibility;
        _gate = state.Gate;
    }

    public string Name { get; }

    public AssignmentResult Assign(in AssignmentContext context)
    {
        if (context.Lead.AccountId is not { } account)
        {
            context.Explanation?.RecordStep(Name, "the lead has no customer account");
            return AssignmentResult.Unassigned(UnassignedReason.NotApplicable);
        }

        if (!_directory.TryGetOwner(account, out var owner) || owner.IsDefault)
        {
            context.Explanation?.RecordStep(Name, "the lead's account has no owner");
            return AssignmentResult.Unassigned(UnassignedReason.NotApplicable);
        }

        if (!_reps.TryGetValue(owner, out var entry))
        {
            context.Explanation?.RecordSkipped(owner, Name, RepSkipReason.Unknown);
            context.Explanation?.RecordStep(Name, "the account owner is not a rep of this plan");
            return AssignmentResult.Unassigned(UnassignedReason.NoEligibleRep);
        }

        lock (_gate)
        {
            var reason = _eligibility.Check(entry, context, requireCoverage: false);
            if (reason != RepSkipReason.None)
            {
                context.Explanation?.RecordSkipped(owner, Name, reason);
                context.Explanation?.RecordStep(Name, $"the account owner cannot take it ({reason})");
                return AssignmentResult.Unassigned(UnassignedReason.NoEligibleRep);
            }

            _eligibility.Commit(entry, context.AsOf);
        }

        context.Explanation?.RecordStep(Name, "the account owner takes it");
        return AssignmentResult.Assigned(owner, Name);
    }
}
