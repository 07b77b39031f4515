using LeadKit.EntityFrameworkCore.Tests.Support;

namespace LeadKit.EntityFrameworkCore.Tests.Sqlite;

/// <summary>The EF Core store specifics on SQLite.</summary>
public sealed class SqliteEntityFrameworkStoreTests : EntityFrameworkStoreTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly SqliteTestDatabase _empty = new(createTables: false);

    protected override TestDatabase Database => _database;

    public void Dispose()
    {
        _database.Dispose();
        _empty.Dispose();
    }

    protected override TestDatabase EmptyDatabase() => _empty;
}
