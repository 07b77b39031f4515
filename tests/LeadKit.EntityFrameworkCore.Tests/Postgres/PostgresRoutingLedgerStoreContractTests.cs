using LeadKit.Abstractions.Routing;
using LeadKit.EntityFrameworkCore.Routing;
using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing.Postgres;
using LeadKit.Testing.Stores;

namespace LeadKit.EntityFrameworkCore.Tests.Postgres;

/// <summary>The routing ledger contract, on PostgreSQL: each ledger is its own database, each handle its own store and contexts.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresRoutingLedgerStoreContractTests(PostgresServer server) : RoutingLedgerStoreContractTests
{
    private int _ledgers;

    protected override int RoutesPerWriter => 25;

    protected override Func<IRoutingLedgerStore> CreateLedger()
    {
        // Test methods share this class's database name prefix; each ledger gets its own database, emptied on first use.
        var database = new PostgresTestDatabase(server, typeof(PostgresRoutingLedgerStoreContractTests), ++_ledgers);
        return () => new EntityFrameworkRoutingLedgerStore<TestDbContext>(database.Factory());
    }
}
