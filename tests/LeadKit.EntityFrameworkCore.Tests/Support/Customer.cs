namespace LeadKit.EntityFrameworkCore.Tests.Support;

/// <summary>The application's own entity in <see cref="TestDbContext"/>.</summary>
public sealed class Customer
{
    public int Id { get; set; }

    public required string Name { get; set; }
}
