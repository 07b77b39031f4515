using System.Diagnostics.Metrics;
using LeadKit.Metrics.DependencyInjection;
using LeadKit.Metrics.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LeadKit metrics (funnel report calculators) in a service collection.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="FunnelReportCalculator"/> built from the default <see cref="FunnelReportOptions"/>,
    /// whose validation runs at host start (<c>ValidateOnStart</c>). The calculator records the <c>LeadKit.Metrics</c>
    /// meter through the container's <see cref="IMeterFactory"/> and measures durations with its
    /// <see cref="TimeProvider"/> when they are registered (telemetry only; the reports do not change).
    /// Idempotent: calling it again only adds the configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddLeadKitMetrics(this IServiceCollection services) => services.AddLeadKitMetrics(static _ => { });

    /// <summary>Registers the default report as <see cref="AddLeadKitMetrics(IServiceCollection)"/> does, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the report options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddLeadKitMetrics(this IServiceCollection services, Action<FunnelReportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton(static provider => Create(provider, Options.Options.DefaultName));
        return services;
    }

    /// <summary>
    /// Registers a named report: <see cref="FunnelReportOptions"/> named <paramref name="name"/> (validated at host
    /// start) and a keyed singleton <see cref="FunnelReportCalculator"/> under that name, resolved with
    /// <c>[FromKeyedServices("name")]</c> or <c>GetRequiredKeyedService&lt;FunnelReportCalculator&gt;("name")</c>.
    /// Each name is independent of the others and of the default report. Idempotent per name.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The report's name (a configuration name, e.g. <c>"weekly-sales"</c>); not blank.</param>
    /// <param name="configure">Configures the report options.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space, or <paramref name="configure"/> is null.</exception>
    public static IServiceCollection AddLeadKitMetrics(this IServiceCollection services, string name, Action<FunnelReportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(services, name, configure);
        services.TryAddKeyedSingleton(name, static (provider, key) => Create(provider, (string)key!));
        return services;
    }

    private static void AddOptions(IServiceCollection services, string name, Action<FunnelReportOptions> configure)
    {
        services.AddOptions<FunnelReportOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FunnelReportOptions>, FunnelReportOptionsValidator>());
    }

    private static FunnelReportCalculator Create(IServiceProvider provider, string name)
        => new(
            provider.GetRequiredService<IOptionsMonitor<FunnelReportOptions>>().Get(name),
            provider.GetService<IMeterFactory>(),
            provider.GetService<TimeProvider>());
}
