using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Ledger;
using LeadKit.Testing.Stores;

namespace LeadKit.Routing.Tests.Ledger;

/// <summary>The ledger store contract, for <see cref="InMemoryRoutingLedgerStore"/>: every handle is the one store.</summary>
public sealed class InMemoryRoutingLedgerStoreContractTests : RoutingLedgerStoreContractTests
{
    protected override Func<IRoutingLedgerStore> CreateLedger()
    {
        var store = new InMemoryRoutingLedgerStore();
        return () => store;
    }
}
