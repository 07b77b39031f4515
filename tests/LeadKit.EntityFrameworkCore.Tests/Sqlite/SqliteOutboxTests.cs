using LeadKit.EntityFrameworkCore.Tests.Outbox;
using LeadKit.EntityFrameworkCore.Tests.Support;

namespace LeadKit.EntityFrameworkCore.Tests.Sqlite;

/// <summary>The outbox on SQLite.</summary>
public sealed class SqliteOutboxTests : OutboxTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override TestDatabase Database => _database;

    public void Dispose() => _database.Dispose();
}
