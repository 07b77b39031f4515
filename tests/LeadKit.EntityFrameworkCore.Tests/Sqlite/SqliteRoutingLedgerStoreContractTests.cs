using LeadKit.Abstractions.Routing;
using LeadKit.EntityFrameworkCore.Routing;
using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing.Stores;

namespace LeadKit.EntityFrameworkCore.Tests.Sqlite;

/// <summary>The routing ledger contract, on SQLite: each ledger is its own file, each handle its own store and contexts.</summary>
public sealed class SqliteRoutingLedgerStoreContractTests : RoutingLedgerStoreContractTests, IDisposable
{
    private readonly List<SqliteTestDatabase> _databases = [];

    protected override int RoutesPerWriter => 25;

    public void Dispose() => _databases.ForEach(d => d.Dispose());

    protected override Func<IRoutingLedgerStore> CreateLedger()
    {
        var database = new SqliteTestDatabase();
        _databases.Add(database);
        return () => new EntityFrameworkRoutingLedgerStore<TestDbContext>(database.Factory());
    }
}
