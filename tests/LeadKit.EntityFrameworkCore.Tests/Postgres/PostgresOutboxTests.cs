using LeadKit.EntityFrameworkCore.Tests.Outbox;
using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing.Postgres;

namespace LeadKit.EntityFrameworkCore.Tests.Postgres;

/// <summary>The outbox on PostgreSQL.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresOutboxTests(PostgresServer server) : OutboxTests
{
    private readonly PostgresTestDatabase _database = new(server, typeof(PostgresOutboxTests));

    protected override TestDatabase Database => _database;
}
