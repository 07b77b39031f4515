using LeadKit.Abstractions.Funnel.Store;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.Testing.Stores;

namespace LeadKit.EntityFrameworkCore.Tests.Sqlite;

/// <summary>The funnel store contract, on SQLite (a file).</summary>
public sealed class SqliteFunnelStoreContractTests : FunnelStoreContractTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override int ContendedVersions => 60;

    public void Dispose() => _database.Dispose();

    protected override IFunnelStore CreateStore() => new EntityFrameworkFunnelStore<Support.TestDbContext>(_database.Factory());
}
