using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Routing;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LeadKit's Entity Framework Core stores for the application's context.</summary>
public static class LeadKitEntityFrameworkCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EntityFrameworkFunnelStore{TContext}"/> as the <see cref="IFunnelStore"/> and
    /// <see cref="EntityFrameworkRoutingLedgerStore{TContext}"/> as the <see cref="IRoutingLedgerStore"/> (singletons, each
    /// also under its own type), replacing any unkeyed ones registered before, so <c>AddLeadKitFunnel</c> and
    /// <c>AddLeadKitRouting</c> use them whichever order they are called in. The stores need an
    /// <see cref="IDbContextFactory{TContext}"/>: register the context with <c>AddDbContextFactory</c> (or
    /// <c>AddPooledDbContextFactory</c>), and call <c>modelBuilder.AddLeadKit()</c> in its <c>OnModelCreating</c>.
    /// </summary>
    /// <typeparam name="TContext">The application's context.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddLeadKitEntityFrameworkCore<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<EntityFrameworkFunnelStore<TContext>>();
        services.TryAddSingleton<EntityFrameworkRoutingLedgerStore<TContext>>();
        services.Replace(ServiceDescriptor.Singleton<IFunnelStore>(static provider => provider.GetRequiredService<EntityFrameworkFunnelStore<TContext>>()));
        services.Replace(ServiceDescriptor.Singleton<IRoutingLedgerStore>(static provider => provider.GetRequiredService<EntityFrameworkRoutingLedgerStore<TContext>>()));
        return services;
    }
}
