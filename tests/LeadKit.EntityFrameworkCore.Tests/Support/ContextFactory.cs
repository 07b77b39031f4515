using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Tests.Support;

/// <summary>Makes a new <see cref="TestDbContext"/> per call, as <c>AddDbContextFactory</c> does.</summary>
public sealed class ContextFactory(DbContextOptions<TestDbContext> options) : IDbContextFactory<TestDbContext>
{
    public TestDbContext CreateDbContext() => new(options);
}
