using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LeadKit.Funnel.DependencyInjection;

/// <summary>Registers the LeadKit funnel in a service collection.</summary>
public static class FunnelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the funnel: <see cref="FunnelOptions"/> (validated on start), <see cref="TimeProvider"/>
    /// (<see cref="TimeProvider.System"/> unless already registered), the default <see cref="FunnelDefinition"/> and
    /// an <see cref="InMemoryFunnelStore"/> as <see cref="IFunnelStore"/> that tells every registered
    /// <see cref="IFunnelObserver"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Idempotent: every registration uses <c>TryAdd*</c>, so calling it twice changes nothing (each
    /// <paramref name="configure"/> is applied). Register your own <see cref="FunnelDefinition"/> or
    /// <see cref="IFunnelStore"/> before calling it to replace the defaults.
    /// </para>
    /// <para>
    /// When an <see cref="ILeadScorer"/> and an <see cref="IQualificationPolicy"/> are registered (e.g. by
    /// <c>AddLeadKitScoring</c>) and <see cref="FunnelOptions.UseQualificationGuards"/> is on, the default funnel's
    /// qualify transitions ask them.
    /// </para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; optional.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddLeadKitFunnel(this IServiceCollection services, Action<FunnelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FunnelOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FunnelOptions>, FunnelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static provider =>
        {
            var funnelOptions = provider.GetRequiredService<IOptions<FunnelOptions>>().Value;
            var scorer = provider.GetService<ILeadScorer>();
            var policy = provider.GetService<IQualificationPolicy>();
            return scorer is not null && policy is not null
                ? DefaultFunnel.CreateQualified(scorer, policy, funnelOptions)
                : DefaultFunnel.Create(funnelOptions);
        });
        services.TryAddSingleton<IFunnelStore>(static provider => new InMemoryFunnelStore(
            provider.GetRequiredService<FunnelDefinition>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetServices<IFunnelObserver>()));
        return services;
    }
}
