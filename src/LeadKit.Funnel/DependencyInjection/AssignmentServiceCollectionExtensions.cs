using LeadKit.Abstractions.Assignment;
using LeadKit.Funnel.Assignment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LeadKit.Funnel.DependencyInjection;

/// <summary>Registers lead assignment (routing) with dependency injection.</summary>
public static class AssignmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="AssignmentState"/>, a singleton <see cref="RoutingPlanProvider"/> built from
    /// <see cref="AssignmentOptions"/>, and <see cref="IAssignmentStrategy"/> as that provider. An
    /// <see cref="IAccountOwnerDirectory"/> registered by the application is used by account-ownership steps of a JSON
    /// plan. Options are validated at start-up. Idempotent: calling it again only adds the configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the plan (code or JSON); may be <see langword="null"/> when configured elsewhere.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddLeadKitAssignment(this IServiceCollection services, Action<AssignmentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AssignmentOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssignmentOptions>, AssignmentOptionsValidator>());
        services.TryAddSingleton<AssignmentState>();
        services.TryAddSingleton(static provider => new RoutingPlanProvider(provider.GetRequiredService<IOptions<AssignmentOptions>>().Value.BuildPlan(
            provider.GetRequiredService<AssignmentState>(),
            provider.GetService<IAccountOwnerDirectory>())));
        services.TryAddSingleton<IAssignmentStrategy>(static provider => provider.GetRequiredService<RoutingPlanProvider>());
        return services;
    }
}
