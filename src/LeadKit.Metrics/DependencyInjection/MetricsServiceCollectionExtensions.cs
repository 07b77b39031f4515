using LeadKit.Metrics.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LeadKit.Metrics.DependencyInjection;

/// <summary>Registers LeadKit metrics in a service collection.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="FunnelReportCalculator"/> built from <see cref="FunnelReportOptions"/>, whose
    /// validation runs at host start (<c>ValidateOnStart</c>). Idempotent: calling it again only adds the configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the report options; optional.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddLeadKitMetrics(this IServiceCollection services, Action<FunnelReportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FunnelReportOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FunnelReportOptions>, FunnelReportOptionsValidator>());
        services.TryAddSingleton(sp => new FunnelReportCalculator(sp.GetRequiredService<IOptions<FunnelReportOptions>>().Value));
        return services;
    }
}
