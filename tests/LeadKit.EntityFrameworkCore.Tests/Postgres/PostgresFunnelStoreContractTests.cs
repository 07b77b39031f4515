using LeadKit.Abstractions.Funnel.Store;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing.Postgres;
using LeadKit.Testing.Stores;

namespace LeadKit.EntityFrameworkCore.Tests.Postgres;

/// <summary>The funnel store contract, on PostgreSQL (a database with a language collation).</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresFunnelStoreContractTests(PostgresServer server) : FunnelStoreContractTests
{
    private readonly PostgresTestDatabase _database = new(server, typeof(PostgresFunnelStoreContractTests));

    protected override int ContendedVersions => 60;

    protected override IFunnelStore CreateStore() => new EntityFrameworkFunnelStore<TestDbContext>(_database.Factory());
}
