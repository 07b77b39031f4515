using System.Diagnostics.CodeAnalysis;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Temperatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>Registers LeadKit scoring in a service collection. Every method is idempotent for the shared services.</summary>
/// <remarks>
/// Every model name gets keyed services under that name: <see cref="ILeadScorer"/> (always the model in use),
/// <see cref="IQualificationPolicy"/> and <see cref="ITemperatureClassifier"/> (the rule set's own <c>thresholds</c>
/// applied over the registered <see cref="QualificationOptions"/> and <see cref="TemperatureOptions"/>, following
/// reloads), and a transient <see cref="LeadAssessor"/> built from those three. A funnel guarded by the keyed policy
/// and the keyed assessor therefore always agree. The unkeyed <see cref="ILeadScorer"/> exists only when the
/// <see cref="DefaultModelName"/> model is registered; the unkeyed policy and classifier are that model's when it is,
/// and plain ones over the registered options otherwise. Start-up fails when a model's thresholds do not fit the options.
/// </remarks>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>The name of the default model, resolved as <see cref="ILeadScorer"/>.</summary>
    public const string DefaultModelName = "default";

    /// <summary>Registers the default scoring model, built in code; repeated calls add to the same model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adds rules, groups and limits.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLeadKitScoring(this IServiceCollection services, Action<ScoringModelBuilder> configure)
        => services.AddLeadKitScoring(DefaultModelName, configure);

    /// <summary>Registers a named scoring model built in code (resolve it as a keyed <see cref="ILeadScorer"/> or through <see cref="IScoringModelProvider"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The model's name.</param>
    /// <param name="configure">Adds rules, groups and limits.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLeadKitScoring(this IServiceCollection services, string name, Action<ScoringModelBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddModel(services, name);
        services.Configure<ScoringModelOptions>(name, o => o.Builders.Add(configure));
        return services;
    }

    /// <summary>
    /// Registers a named model defined by options, typically a JSON rule set bound from configuration
    /// (<c>services.Configure&lt;ScoringModelOptions&gt;(name, section)</c>). When the options change, the rule set
    /// is recompiled; an invalid one is rejected and the model in use stays in use.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The model's name.</param>
    /// <param name="configure">Sets the options (e.g. <see cref="ScoringModelOptions.RuleSetJson"/>); may be <see langword="null"/> when bound elsewhere.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLeadKitScoringRuleSet(this IServiceCollection services, string name, Action<ScoringModelOptions>? configure)
    {
        AddModel(services, name);
        if (configure is not null)
        {
            services.Configure(name, configure);
        }

        return services;
    }

    /// <summary>Registers a plugin rule (a singleton) that joins every code-built model with <see cref="ScoringModelOptions.IncludeRegisteredRules"/>.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLeadKitScoringRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this IServiceCollection services)
        where TRule : class, IScoringRule
    {
        AddCore(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScoringRule, TRule>());
        return services;
    }

    /// <summary>Configures the temperature classifier's options (validated on start).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection ConfigureLeadKitTemperature(this IServiceCollection services, Action<TemperatureOptions> configure)
    {
        AddCore(services);
        services.Configure(configure);
        return services;
    }

    /// <summary>Configures the default qualification policy's options (validated on start).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection ConfigureLeadKitQualification(this IServiceCollection services, Action<QualificationOptions> configure)
    {
        AddCore(services);
        services.Configure(configure);
        return services;
    }

    private static void AddModel(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AddCore(services).Add(name);
        services.TryAddKeyedSingleton<ILeadScorer>(name, static (sp, key) => sp.GetRequiredService<IScoringModelProvider>().GetScorer((string)key!));

        // One source of thresholds per model, so its policy, classifier and assessor (and a funnel guarded by the
        // policy) always decide alike: the rule set's thresholds over the registered options.
        services.TryAddKeyedSingleton(name, static (sp, key) => new ModelQualification(
            (string)key!,
            sp.GetRequiredService<IOptionsMonitor<ScoringModelOptions>>(),
            sp.GetRequiredService<IOptions<QualificationOptions>>(),
            sp.GetRequiredService<IOptions<TemperatureOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton<IQualificationPolicy>(name, static (sp, key) => new ModelQualificationPolicy(sp.GetRequiredKeyedService<ModelQualification>(key)));
        services.TryAddKeyedSingleton<ITemperatureClassifier>(name, static (sp, key) => new ModelTemperatureClassifier(sp.GetRequiredKeyedService<ModelQualification>(key)));

        // Transient: each resolution takes the model in use, so a reloaded rule set is seen by the next assessor.
        services.TryAddKeyedTransient(name, static (sp, key) => new LeadAssessor(
            sp.GetRequiredService<IScoringModelProvider>().GetModel((string)key!),
            sp.GetRequiredKeyedService<ITemperatureClassifier>(key),
            sp.GetRequiredKeyedService<IQualificationPolicy>(key)));
        if (name == DefaultModelName)
        {
            services.TryAddSingleton(static sp => sp.GetRequiredKeyedService<ILeadScorer>(DefaultModelName));
        }
    }

    private static ScoringModelRegistry AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ScoringModelRegistry) && descriptor.ImplementationInstance is ScoringModelRegistry existing)
            {
                return existing;
            }
        }

        var registry = new ScoringModelRegistry();
        services.AddSingleton(registry);
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScoringModelProvider, ScoringModelProvider>();
        // The unkeyed services are the default model's when it is registered (then with its thresholds); the unkeyed
        // ILeadScorer exists only then, so resolving it without a default model gives null, not KeyNotFoundException.
        services.TryAddSingleton<ITemperatureClassifier>(static sp => sp.GetRequiredService<ScoringModelRegistry>().Contains(DefaultModelName)
            ? sp.GetRequiredKeyedService<ITemperatureClassifier>(DefaultModelName)
            : new TemperatureClassifier(sp.GetRequiredService<IOptions<TemperatureOptions>>().Value));
        services.TryAddSingleton<IQualificationPolicy>(static sp => sp.GetRequiredService<ScoringModelRegistry>().Contains(DefaultModelName)
            ? sp.GetRequiredKeyedService<IQualificationPolicy>(DefaultModelName)
            : new DefaultQualificationPolicy(sp.GetRequiredService<IOptions<QualificationOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TemperatureOptions>, TemperatureOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QualificationOptions>, QualificationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringStartupCheck>, ScoringStartupValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringStartupCheck>, ModelThresholdsStartupValidator>());
        services.AddOptions<TemperatureOptions>().ValidateOnStart();
        services.AddOptions<QualificationOptions>().ValidateOnStart();
        services.AddOptions<ScoringStartupCheck>().ValidateOnStart();
        return registry;
    }
}
