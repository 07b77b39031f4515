using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Testing.Postgres;
using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Tests.Postgres;

/// <summary>A database per test class on the run's PostgreSQL server; <see cref="TestDatabase.Reset"/> empties it per test.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    /// <param name="server">The run's server.</param>
    /// <param name="testClass">The test class: its name names the database.</param>
    /// <param name="number">Tells apart the databases of a class that needs more than one (0 for the first).</param>
    /// <param name="createTables">Whether to create LeadKit's tables (<see langword="false"/>: as before a migration).</param>
    public PostgresTestDatabase(PostgresServer server, Type testClass, int number = 0, bool createTables = true)
    {
        var name = testClass.Name.ToLowerInvariant() + (number == 0 ? string.Empty : "_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Options = new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(server.Database(name)).Options;
        if (createTables)
        {
            Reset();
        }
    }

    public override DbContextOptions<TestDbContext> Options { get; }
}
