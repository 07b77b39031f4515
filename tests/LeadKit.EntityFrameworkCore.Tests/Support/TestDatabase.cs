using LeadKit.EntityFrameworkCore.Model;
using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Tests.Support;

/// <summary>A database with LeadKit's tables for one test: SQLite in a temp file, or a database on the test PostgreSQL server.</summary>
public abstract class TestDatabase
{
    /// <summary>Gets the context options.</summary>
    public abstract DbContextOptions<TestDbContext> Options { get; }

    /// <summary>Returns a new factory (its own contexts, as another app instance would have).</summary>
    public ContextFactory Factory() => new(Options);

    /// <summary>Creates LeadKit's tables if needed and empties them, so each test starts from nothing.</summary>
    public void Reset()
    {
        using var context = new TestDbContext(Options);
        context.Database.EnsureCreated();
        context.Set<OutboxEventRow>().ExecuteDelete();
        context.Set<FunnelHistoryRow>().ExecuteDelete();
        context.Set<FunnelLeadRow>().ExecuteDelete();
        context.Set<RoutingPoolCountRow>().ExecuteDelete();
        context.Set<RoutingPoolRow>().ExecuteDelete();
        context.Set<RoutingRepRow>().ExecuteDelete();
        context.Set<RoutingLedgerRow>().ExecuteDelete();
    }
}
