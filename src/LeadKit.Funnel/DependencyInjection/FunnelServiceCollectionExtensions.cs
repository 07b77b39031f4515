using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.DependencyInjection;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Telemetry;
using LeadKit.Funnel.Workflow;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the LeadKit funnel (definition, store, workflow) with dependency injection.</summary>
/// <remarks>
/// <para>
/// Qualification is an explicit choice, never found by looking around the container. With
/// <see cref="FunnelOptions.UseQualificationGuards"/> on (the default) the default definition's qualify transitions ask the
/// keyed <see cref="ILeadScorer"/> and <see cref="IQualificationPolicy"/> registered under
/// <see cref="FunnelOptions.QualificationModel"/> (<c>"default"</c> unless set; LeadKit.Scoring's <c>AddLeadKitScoring</c>
/// and <c>AddLeadKitScoringRuleSet</c> register both under each model's name, with the model's thresholds). When they are
/// not registered, start-up (<c>ValidateOnStart</c>) fails with an <see cref="OptionsValidationException"/> that says what to
/// register; set <see cref="FunnelOptions.UseQualificationGuards"/> to <see langword="false"/> for a funnel without
/// qualification guards.
/// </para>
/// <para>
/// Idempotent: every registration uses <c>TryAdd*</c>, so calling it twice changes nothing (each configure action is
/// applied). Register your own <see cref="FunnelDefinition"/> or <see cref="IFunnelStore"/> (keyed by the name for a named
/// funnel) before calling it to replace the defaults; your definition is then not checked for a scoring model.
/// </para>
/// <para>
/// The definition built here (the default funnel, or <see cref="FunnelOptions.DefinitionJson"/>) is reloaded when the
/// options change (<see cref="FunnelDefinitionProvider"/>); the <see cref="FunnelWorkflow"/> uses the one in use at each
/// call, while the <see cref="FunnelDefinition"/> service is the one in use when it was first resolved.
/// </para>
/// </remarks>
public static class FunnelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default funnel: <see cref="FunnelOptions"/> (validated on start), <see cref="TimeProvider"/>
    /// (<see cref="TimeProvider.System"/> unless already registered), the default <see cref="FunnelDefinition"/>, an
    /// <see cref="InMemoryFunnelStore"/> as <see cref="IFunnelStore"/>, and a <see cref="FunnelWorkflow"/> over them that tells
    /// every registered <see cref="IFunnelObserver"/> and meters through the registered <see cref="IMeterFactory"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddLeadKitFunnel(this IServiceCollection services, Action<FunnelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddLeadKitFunnel(services).Configure(configure);
    }

    /// <summary>Registers the default funnel with options configured elsewhere (or the defaults); see <see cref="AddLeadKitFunnel(IServiceCollection, Action{FunnelOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddLeadKitFunnel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddOptions(services, Options.Options.DefaultName, null);
        if (!services.Any(static d => d.ServiceType == typeof(FunnelDefinition) && !d.IsKeyedService))
        {
            // Only the default definition built here asks a scoring model; the start-up check is for it alone.
            services.TryAddKeyedSingleton<DefaultFunnelRegistration>(Options.Options.DefaultName);
        }

        services.TryAddSingleton(static provider => provider.GetRequiredService<FunnelDefinitionProvider>().GetDefinition(Options.Options.DefaultName));
        services.TryAddSingleton<IFunnelStore>(static _ => new InMemoryFunnelStore());
        services.TryAddSingleton(static provider => CreateWorkflow(
            provider,
            Options.Options.DefaultName,
            provider.GetRequiredService<IFunnelStore>(),
            provider.GetServices<IFunnelObserver>(),
            static p => p.GetRequiredService<FunnelDefinition>()));
        return services;
    }

    /// <summary>
    /// Registers a named funnel: keyed services under <paramref name="name"/> (<c>[FromKeyedServices(name)]</c>) — its
    /// <see cref="FunnelDefinition"/> (the default funnel built from the named <see cref="FunnelOptions"/> unless one is
    /// registered under the key), <see cref="IFunnelStore"/> (in memory unless one is registered under the key) and
    /// <see cref="FunnelWorkflow"/>, which tells the observers registered under the key. Options are validated on start.
    /// Idempotent per name.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The funnel's name and service key; follows the configuration-name rule.</param>
    /// <param name="configure">Configures the named options.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> breaks the configuration-name rule, or is <c>default</c> (the unnamed funnel's).</exception>
    public static IServiceCollection AddLeadKitFunnel(this IServiceCollection services, string name, Action<FunnelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (ConfigurationName.Problem(name) is { } problem)
        {
            throw new ArgumentException($"name {problem}.", nameof(name));
        }

        if (string.Equals(name, FunnelDefinitionProvider.DefaultEntryName, StringComparison.Ordinal))
        {
            throw new ArgumentException("name 'default' is the unnamed funnel's name; call AddLeadKitFunnel(configure) for it.", nameof(name));
        }

        AddOptions(services, name, configure);
        if (!services.Any(d => d.ServiceType == typeof(FunnelDefinition) && d.IsKeyedService && Equals(d.ServiceKey, name)))
        {
            services.TryAddKeyedSingleton<DefaultFunnelRegistration>(name);
        }

        services.TryAddKeyedSingleton(name, static (provider, key) => provider.GetRequiredService<FunnelDefinitionProvider>().GetDefinition((string)key!));
        services.TryAddKeyedSingleton<IFunnelStore>(name, static (_, _) => new InMemoryFunnelStore());
        services.TryAddKeyedSingleton(name, static (provider, key) => CreateWorkflow(
            provider,
            (string)key!,
            provider.GetRequiredKeyedService<IFunnelStore>(key),
            provider.GetKeyedServices<IFunnelObserver>(key),
            p => p.GetRequiredKeyedService<FunnelDefinition>(key)));
        return services;
    }

    private static void AddOptions(IServiceCollection services, string name, Action<FunnelOptions>? configure)
    {
        var options = services.AddOptions<FunnelOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FunnelOptions>, FunnelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static provider => new FunnelDefinitionProvider(
            provider,
            provider.GetRequiredService<IOptionsMonitor<FunnelOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            new FunnelTelemetry(provider.GetService<IMeterFactory>())));
    }

    private static FunnelWorkflow CreateWorkflow(IServiceProvider provider, string name, IFunnelStore store, IEnumerable<IFunnelObserver> observers, Func<IServiceProvider, FunnelDefinition> ownDefinition)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<FunnelOptions>>().Get(name);
        var time = provider.GetRequiredService<TimeProvider>();
        var meters = provider.GetService<IMeterFactory>();

        // The definition AddLeadKitFunnel builds follows the options (reloaded); one the application registered is used as it is.
        return provider.GetKeyedService<DefaultFunnelRegistration>(name) is not null
            ? FunnelWorkflow.Reloading(provider.GetRequiredService<FunnelDefinitionProvider>().Entry(name), store, time, observers, options.NotificationErrorHandler, meters)
            : new FunnelWorkflow(ownDefinition(provider), store, time, observers, options.NotificationErrorHandler, meters);
    }
}
