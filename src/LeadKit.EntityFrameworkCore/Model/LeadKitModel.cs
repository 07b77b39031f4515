using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Model;

/// <summary>Checks that a context's model has LeadKit's tables, so a missing <c>AddLeadKit()</c> is said plainly.</summary>
internal static class LeadKitModel
{
    /// <summary>Returns the context when its model has LeadKit's entity types.</summary>
    /// <exception cref="InvalidOperationException">The model has none: <c>modelBuilder.AddLeadKit()</c> was not called.</exception>
    public static TContext Require<TContext>(TContext context)
        where TContext : DbContext
        => context.Model.FindEntityType(typeof(FunnelLeadRow)) is not null
            ? context
            : throw new InvalidOperationException($"{typeof(TContext).Name}'s model has no LeadKit tables: call modelBuilder.AddLeadKit() in its OnModelCreating.");
}
