using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Routing;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Outbox;
using LeadKit.EntityFrameworkCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LeadKit's Entity Framework Core stores and outbox dispatcher for the application's context.</summary>
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

    /// <summary>
    /// Registers <see cref="LeadKitOutboxDispatcher{TContext}"/> as a hosted service (and under its own type, for
    /// <see cref="LeadKitOutboxDispatcher{TContext}.DispatchPendingAsync"/>), delivering <typeparamref name="TContext"/>'s
    /// outbox to every registered <see cref="ILeadKitOutboxHandler"/> (register them as services). The options are
    /// validated when the host starts (<see cref="LeadKitOutboxOptions.Validate"/>); <see cref="TimeProvider.System"/> is
    /// the clock unless a <see cref="TimeProvider"/> is registered.
    /// </summary>
    /// <typeparam name="TContext">The application's context (registered with <c>AddDbContextFactory</c>).</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the polling and retry options; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddLeadKitOutbox<TContext>(this IServiceCollection services, Action<LeadKitOutboxOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LeadKitOutboxOptions>()
            .Configure(options => configure?.Invoke(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeadKitOutboxOptions>, LeadKitOutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LeadKitOutboxDispatcher<TContext>>();
        services.AddHostedService(static provider => provider.GetRequiredService<LeadKitOutboxDispatcher<TContext>>());
        return services;
    }
}
