using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing;
using LeadKit.Routing.DependencyInjection;
using LeadKit.Routing.Ledger;
using LeadKit.Routing.Telemetry;
using LeadKit.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LeadKit routing (assigning leads to sales reps) with dependency injection.</summary>
public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default routing: a singleton <see cref="IRoutingLedgerStore"/> (an <see cref="InMemoryRoutingLedgerStore"/>
    /// unless one is registered), a <see cref="RoutingPlanProvider"/> that follows <see cref="RoutingOptions"/> and a
    /// <see cref="LeadRouter"/>. An <see cref="IAccountOwnerDirectory"/> registered by the application is used by
    /// account-ownership steps of a JSON plan. The plan is built on start (<c>ValidateOnStart</c>: start-up fails with
    /// every problem) and again on each options change; a plan with problems is never applied (see
    /// <see cref="RoutingPlanProvider.Status"/> and <see cref="RoutingPlanProvider.Rejected"/>). Idempotent: calling it
    /// again only adds the configuration.
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
        AddCore(services).Add(Options.Options.DefaultName);
        services.TryAddSingleton<IRoutingLedgerStore>(static _ => new InMemoryRoutingLedgerStore());
        services.TryAddSingleton(static provider => provider.GetRequiredService<RoutingPlanRegistry>().Get(Options.Options.DefaultName));
        services.TryAddSingleton(static provider => new LeadRouter(
            provider.GetRequiredService<RoutingPlanProvider>(),
            provider.GetRequiredService<IRoutingLedgerStore>(),
            provider.GetService<IMeterFactory>()));
        return services;
    }

    /// <summary>
    /// Registers a named routing: keyed services under <paramref name="name"/> (<c>[FromKeyedServices(name)]</c>) — its
    /// own <see cref="IRoutingLedgerStore"/> (in memory unless one is registered under the key), <see cref="RoutingPlanProvider"/>
    /// and <see cref="LeadRouter"/> — following the named <see cref="RoutingOptions"/>, built and reloaded like the
    /// default routing. An <see cref="IAccountOwnerDirectory"/> registered under the key is used by account-ownership
    /// steps of a JSON plan. Idempotent per name; repeated calls add to the configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The routing's name and service key; not blank.</param>
    /// <param name="configure">Sets the plan (code or JSON).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddLeadKitRouting(this IServiceCollection services, string name, Action<RoutingOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(services).Add(name);
        services.AddOptions<RoutingOptions>(name).Configure(configure);
        services.TryAddKeyedSingleton<IRoutingLedgerStore>(name, static (_, _) => new InMemoryRoutingLedgerStore());
        services.TryAddKeyedSingleton(name, static (provider, key) => provider.GetRequiredService<RoutingPlanRegistry>().Get((string)key!));
        services.TryAddKeyedSingleton(name, static (provider, key) => new LeadRouter(
            provider.GetRequiredKeyedService<RoutingPlanProvider>(key),
            provider.GetRequiredKeyedService<IRoutingLedgerStore>(key),
            provider.GetService<IMeterFactory>()));
        return services;
    }

    private static RegisteredNames<RoutingOptions> AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var names = RegisteredNames<RoutingOptions>.In(services, out var created);
        if (!created)
        {
            return names;
        }

        services.AddOptions();
        services.TryAddSingleton(static provider => new RoutingTelemetry(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton(static provider => new RoutingPlanRegistry(
            provider,
            provider.GetRequiredService<IOptionsMonitor<RoutingOptions>>(),
            provider.GetRequiredService<RegisteredNames<RoutingOptions>>(),
            provider.GetRequiredService<RoutingTelemetry>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingStartupCheck>, RoutingStartupValidator>());
        services.AddOptions<RoutingStartupCheck>().ValidateOnStart();
        return names;
    }
}
