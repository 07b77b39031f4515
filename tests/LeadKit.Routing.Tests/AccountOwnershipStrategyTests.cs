using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Routing;
using LeadKit.Testing;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class AccountOwnershipStrategyTests
{
    private static readonly Owners Directory = new(new()
    {
        [new AccountId("acme")] = Id("carla"),
        [new AccountId("globex")] = Id("zoe"),
        [new AccountId("initech")] = Id("ana"),
    });

    private static RoutingPlan Plan() => Routing.Plan(new AssignmentState(), b => b
        .AddReps([Rep("ana", availability: OutOfOfficeAround(Now)), Rep("bruno"), Rep("carla")])
        .AddAccountOwnership(Directory)
        .AddAllReps(RepSelection.RoundRobin));

    [Fact]
    public void AccountOwnership_LeadFromCustomerAccount_GoesToAvailableOwner()
    {
        var result = Plan().Assign(LeadBuilder.New().OfAccount("acme").Build(), Now);

        Assert.Equal(Id("carla"), result.RepId);
        Assert.Equal("account-ownership", result.DecidedBy);
    }

    [Fact]
    public void AccountOwnership_OwnerOutOfOffice_FallsBackAndExplains()
    {
        var (result, explanation) = Plan().Explain(LeadBuilder.New().OfAccount("initech").Build());

        Assert.Equal(Id("bruno"), result.RepId);
        Assert.Equal("all-reps", result.DecidedBy);
        Assert.Contains(new SkippedRep(Id("ana"), "account-ownership", RepSkipReason.OutOfOffice), explanation.Skipped);
    }

    [Fact]
    public void AccountOwnership_OwnerNotInPlan_SkippedAsUnknown()
    {
        var (result, explanation) = Plan().Explain(LeadBuilder.New().OfAccount("globex").Build());

        Assert.True(result.IsAssigned);
        Assert.Contains(new SkippedRep(Id("zoe"), "account-ownership", RepSkipReason.Unknown), explanation.Skipped);
    }

    [Fact]
    public void AccountOwnership_NoAccountOrNoOwner_StepDoesNotApply()
    {
        var strategy = Plan().Steps[0];

        Assert.Equal(UnassignedReason.NotApplicable, strategy.Assign(new RoutingContext(LeadBuilder.New().Build(), Now)).Reason);
        Assert.Equal(UnassignedReason.NotApplicable, strategy.Assign(new RoutingContext(LeadBuilder.New().OfAccount("unknown").Build(), Now)).Reason);
    }

    private sealed class Owners(Dictionary<AccountId, SalesRepId> owners) : IAccountOwnerDirectory
    {
        public bool TryGetOwner(AccountId account, out SalesRepId owner) => owners.TryGetValue(account, out owner);
    }
}
