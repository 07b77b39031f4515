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

    private static RoutedPlan Plan() => Routing.Plan(new TestLedger(), b => b
        .AddReps([Rep("ana", availability: OutOfOfficeAround(Now)), Rep("bruno"), Rep("carla")])
        .AddAccountOwnership(Directory)
        .AddAllReps(RepSelection.RoundRobin));

    [Fact]
    public void AccountOwnership_LeadFromCustomerAccount_GoesToAvailableOwner()
    {
        var result = Plan().Route(LeadBuilder.New().OfAccount("acme").Build(), Now);

        Assert.Equal(Id("carla"), result.RepId);
        Assert.Equal("account-ownership", result.DecidedBy);
    }

    [Fact]
    public void AccountOwnership_OwnerChosen_CountedInTheLedgerWithoutPoolRotation()
    {
        var plan = Plan();
        plan.Ledger.SetOpenLeads(Id("carla"), 2);

        var result = plan.Route(LeadBuilder.New().OfAccount("acme").Build(), Now);

        Assert.Null(result.Change!.Pool);
        Assert.Equal(Counters(1, 3, null, 0), plan.Ledger.GetCounters(Id("carla")));
    }

    [Fact]
    public void AccountOwnership_OwnerOutOfOffice_FallsBackAndExplains()
    {
        var (result, explanation) = Plan().Explain(LeadBuilder.New().OfAccount("initech").Build());

        Assert.Equal(Id("bruno"), result.RepId);
        Assert.Equal("all-reps", result.DecidedBy);
        Assert.Contains(Skipped(Id("ana"), "account-ownership", RepSkipReason.OutOfOffice), explanation.Skipped);
    }

    [Fact]
    public void AccountOwnership_OwnerNotInPlan_SkippedAsUnknown()
    {
        var (result, explanation) = Plan().Explain(LeadBuilder.New().OfAccount("globex").Build());

        Assert.True(result.IsAssigned);
        Assert.Contains(Skipped(Id("zoe"), "account-ownership", RepSkipReason.Unknown), explanation.Skipped);
    }

    [Fact]
    public void AccountOwnership_NoAccountOrNoOwner_StepDoesNotApply()
    {
        var strategy = Plan().Steps[0];

        Assert.Equal(UnassignedReason.NotApplicable, strategy.Decide(LeadBuilder.New().Build()).Reason);
        Assert.Equal(UnassignedReason.NotApplicable, strategy.Decide(LeadBuilder.New().OfAccount("unknown").Build()).Reason);
    }

    private sealed class Owners(Dictionary<AccountId, SalesRepId> owners) : IAccountOwnerDirectory
    {
        public ValueTask<SalesRepId?> GetOwnerAsync(AccountId account, CancellationToken cancellationToken = default)
            => new(owners.TryGetValue(account, out var owner) ? owner : null);
    }
}
