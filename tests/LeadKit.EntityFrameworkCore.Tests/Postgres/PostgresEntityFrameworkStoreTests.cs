using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing.Postgres;

namespace LeadKit.EntityFrameworkCore.Tests.Postgres;

/// <summary>The EF Core store specifics on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresEntityFrameworkStoreTests(PostgresServer server) : EntityFrameworkStoreTests
{
    private readonly PostgresTestDatabase _database = new(server, typeof(PostgresEntityFrameworkStoreTests));

    protected override TestDatabase Database => _database;

    protected override TestDatabase EmptyDatabase() => new PostgresTestDatabase(server, typeof(PostgresEntityFrameworkStoreTests), number: 1, createTables: false);
}
