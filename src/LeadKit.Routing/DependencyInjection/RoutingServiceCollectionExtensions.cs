using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing;
using LeadKit.Routing.Ledger;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LeadKit routing (assigning leads to sales reps) with dependency injection.</summary>
public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default routing: a singleton <see cref="IRoutingLedgerStore"/> (an <see cref="InMemoryRoutingLedgerStore"/>
    /// unless one is registered), a <see cref="RoutingPlanProvider"/> built from <see cref="RoutingOptions"/> and a
    /// <see cref="LeadRouter"/>. An <see cref="IAccountOwnerDirectory"/> registered by the application is used by
    /// account-ownership steps of a JSON plan. Options are validated at start-up. Idempotent: calling it again only
    /// adds the configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the plan (code or JSON).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddLeadKitRouting(this IServiceCollection services, Action<RoutingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddLeadKitRouting(services).Configure(configure);
    }

    /// <summary>Registers the default routing, configured elsewhere (<c>services.Configure&lt;RoutingOptions&gt;(...)</c>); see <see cref="AddLeadKitRouting(IServiceCollection, Action{RoutingOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddLeadKitRouting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddOptions(services, Options.Options.DefaultName, null);
        services.TryAddSingleton<IRoutingLedgerStore>(static _ => new InMemoryRoutingLedgerStore());
        services.TryAddSingleton(static provider => new RoutingPlanProvider(
            provider.GetRequiredService<IOptions<RoutingOptions>>().Value.BuildPlan(provider.GetService<IAccountOwnerDirectory>())));
        services.TryAddSingleton(static provider => new LeadRouter(
            provider.GetRequiredService<RoutingPlanProvider>(),
            provider.GetRequiredService<IRoutingLedgerStore>(),
            provider.GetService<IMeterFactory>()));
        return services;
    }

    /// <summary>
    /// Registers a named routing: keyed services under <paramref name="name"/> (<c>[FromKeyedServices(name)]</c>) — its
    /// own <see cref="IRoutingLedgerStore"/> (in memory unless one is registered under the key), <see cref="RoutingPlanProvider"/>
    /// and <see cref="LeadRouter"/> — configured by the named <see cref="RoutingOptions"/>. An
    /// <see cref="IAccountOwnerDirectory"/> registered under the key is used by account-ownership steps of a JSON plan.
    /// Idempotent per name.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The routing's name and service key; not blank.</param>
    /// <param name="configure">Sets the plan (code or JSON).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddLeadKitRouting(this IServiceCollection services, string name, Action<RoutingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(services, name, configure);
        services.TryAddKeyedSingleton<IRoutingLedgerStore>(name, static (_, _) => new InMemoryRoutingLedgerStore());
        services.TryAddKeyedSingleton(name, static (provider, key) => new RoutingPlanProvider(
            provider.GetRequiredService<IOptionsMonitor<RoutingOptions>>().Get((string)key!).BuildPlan(provider.GetKeyedService<IAccountOwnerDirectory>(key))));
        services.TryAddKeyedSingleton(name, static (provider, key) => new LeadRouter(
            provider.GetRequiredKeyedService<RoutingPlanProvider>(key),
            provider.GetRequiredKeyedService<IRoutingLedgerStore>(key),
            provider.GetService<IMeterFactory>()));
        return services;
    }

    private static void AddOptions(IServiceCollection services, string name, Action<RoutingOptions>? configure)
    {
        var options = services.AddOptions<RoutingOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
    }
}
