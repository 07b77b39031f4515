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
    /// Qualification is an explicit choice. With <see cref="FunnelOptions.UseQualificationGuards"/> on (the default)
    /// the qualify transitions ask the keyed <see cref="ILeadScorer"/> and <see cref="IQualificationPolicy"/>
    /// registered under <see cref="FunnelOptions.QualificationModel"/> (<c>"default"</c> unless set; LeadKit.Scoring's
    /// <c>AddLeadKitScoring</c> and <c>AddLeadKitScoringRuleSet</c> register both under each model's name, with the
    /// model's thresholds, so the guards and the model's <c>LeadAssessor</c> agree). When they are not registered,
    /// start-up (<c>ValidateOnStart</c>) fails with an <see cref="OptionsValidationException"/> that says what to
    /// register; set <see cref="FunnelOptions.UseQualificationGuards"/> to <see langword="false"/> for a funnel without
    /// qualification guards.
    /// </para>
    /// <para>
    /// Idempotent: every registration uses <c>TryAdd*</c>, so calling it twice changes nothing (each
    /// <paramref name="configure"/> is applied). Register your own <see cref="FunnelDefinition"/> or
    /// <see cref="IFunnelStore"/> before calling it to replace the defaults (your definition is then not checked for a
    /// scoring model).
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
        if (!services.Any(static d => d.ServiceType == typeof(FunnelDefinition)))
        {
            // Only the default definition built here asks a scoring model; the start-up check is for it alone.
            services.TryAddSingleton<DefaultFunnelRegistration>();
        }

        services.TryAddSingleton(static provider =>
        {
            var funnelOptions = provider.GetRequiredService<IOptions<FunnelOptions>>().Value;
            if (!funnelOptions.UseQualificationGuards)
            {
                return DefaultFunnel.Create(funnelOptions);
            }

            // Checked at start-up by FunnelOptionsValidator; resolving here names the same missing services if start-up validation was skipped.
            var model = funnelOptions.QualificationModel;
            var scorer = provider.GetKeyedService<ILeadScorer>(model);
            var policy = provider.GetKeyedService<IQualificationPolicy>(model);
            if (scorer is null || policy is null)
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(FunnelOptions), [FunnelOptionsValidator.MissingModel(model)]);
            }

            return DefaultFunnel.CreateQualified(scorer, policy, funnelOptions);
        });
        services.TryAddSingleton<IFunnelStore>(static provider => new InMemoryFunnelStore(
            provider.GetRequiredService<FunnelDefinition>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetServices<IFunnelObserver>()));
        return services;
    }
}
