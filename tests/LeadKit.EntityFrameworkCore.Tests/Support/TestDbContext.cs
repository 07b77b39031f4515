using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Tests.Support;

/// <summary>An application's context: its own entity beside LeadKit's tables, as a real application has.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().ToTable("customers");
        modelBuilder.AddLeadKit();
    }
}
