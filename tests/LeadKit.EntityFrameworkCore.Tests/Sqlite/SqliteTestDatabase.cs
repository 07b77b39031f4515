using LeadKit.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Tests.Sqlite;

/// <summary>A SQLite database in a temp file (WAL journal, as the docs recommend), deleted on dispose.</summary>
public sealed class SqliteTestDatabase : TestDatabase, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"leadkit-{Guid.NewGuid():N}.db");

    /// <param name="createTables">Whether to create the tables (<see langword="false"/>: an empty file, as before a migration).</param>
    public SqliteTestDatabase(bool createTables = true)
    {
        // No pooling: every context opens the file afresh, so nothing holds it once the test is over.
        ConnectionString = $"Data Source={_path};Pooling=False;Default Timeout=60";
        Options = new DbContextOptionsBuilder<TestDbContext>().UseSqlite(ConnectionString).Options;
        using var context = new TestDbContext(Options);
        if (createTables)
        {
            context.Database.EnsureCreated();
        }

        context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public override DbContextOptions<TestDbContext> Options { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
