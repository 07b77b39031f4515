using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Temperatures;
using LeadKit.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The namespace every LeadKit package registers in, so one using brings every AddLeadKit* method.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LeadKit scoring in a service collection. Every method is idempotent for the shared services.</summary>
/// <remarks>
/// <para>
/// Every model name gets keyed services under that name (<c>[FromKeyedServices("name")]</c>): <see cref="ILeadScorer"/>
/// (a singleton that always scores with the model in use), <see cref="ScoringModel"/> (transient: the model in use
/// when resolved), <see cref="IQualificationPolicy"/> and <see cref="ITemperatureClassifier"/> (the rule set's own
/// <c>thresholds</c> over the registered <see cref="QualificationOptions"/> and <see cref="TemperatureOptions"/>,
/// swapped with the model), and a transient <see cref="LeadAssessor"/> built from those. A funnel guarded by the keyed
/// policy and the keyed assessor therefore always agree.
/// </para>
/// <para>
/// What is registered never depends on what else is: the unkeyed <see cref="ILeadScorer"/>, <see cref="ScoringModel"/>,
/// <see cref="IQualificationPolicy"/>, <see cref="ITemperatureClassifier"/> and <see cref="LeadAssessor"/> exist only
/// when the <see cref="DefaultModelName"/> model is registered (by the overloads without a name), and are then
/// exactly that model's keyed services; scoring registers no other unkeyed policy or classifier. Start-up
/// (<c>ValidateOnStart</c>) fails when a model has no valid definition or its thresholds do not fit the options.
/// </para>
/// <para>
/// Telemetry uses the application's <see cref="IMeterFactory"/> when one is registered (the generic host does), and
/// otherwise a meter of the provider's own; either way the meter is named <c>LeadKit.Scoring</c>.
/// </para>
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

    /// <summary>Registers a named scoring model built in code (resolve it as a keyed <see cref="ILeadScorer"/> or <see cref="ScoringModel"/>, or through <see cref="IScoringModelProvider"/>); repeated calls add to the same model.</summary>
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

    /// <summary>Configures the temperature options every model's classifier starts from (its rule set's thresholds apply over them); validated on start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection ConfigureLeadKitTemperature(this IServiceCollection services, Action<TemperatureOptions> configure)
    {
        AddCore(services);
        services.Configure(configure);
        return services;
    }

    /// <summary>Configures the qualification options every model's policy starts from (its rule set's thresholds apply over them); validated on start.</summary>
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
        services.TryAddKeyedSingleton<ILeadScorer>(name, static (sp, key) => sp.GetRequiredService<ScoringModelProvider>().GetScorer((string)key!));

        // Transient: each resolution takes the model in use, so a reloaded rule set is seen by the next resolution.
        services.TryAddKeyedTransient<ScoringModel>(name, static (sp, key) => sp.GetRequiredService<ScoringModelProvider>().GetModel((string)key!));

        // The policy and classifier read the model's entry, so they swap with the model (one value per definition).
        services.TryAddKeyedSingleton<IQualificationPolicy>(name, static (sp, key) => new ModelQualificationPolicy(sp.GetRequiredService<ScoringModelProvider>().Entry((string)key!)));
        services.TryAddKeyedSingleton<ITemperatureClassifier>(name, static (sp, key) => new ModelTemperatureClassifier(sp.GetRequiredService<ScoringModelProvider>().Entry((string)key!)));
        services.TryAddKeyedTransient(name, static (sp, key) => new LeadAssessor(
            sp.GetRequiredKeyedService<ScoringModel>(key),
            sp.GetRequiredKeyedService<ITemperatureClassifier>(key),
            sp.GetRequiredKeyedService<IQualificationPolicy>(key)));
        if (name == DefaultModelName)
        {
            services.TryAddSingleton(static sp => sp.GetRequiredKeyedService<ILeadScorer>(DefaultModelName));
            services.TryAddTransient(static sp => sp.GetRequiredKeyedService<ScoringModel>(DefaultModelName));
            services.TryAddSingleton(static sp => sp.GetRequiredKeyedService<IQualificationPolicy>(DefaultModelName));
            services.TryAddSingleton(static sp => sp.GetRequiredKeyedService<ITemperatureClassifier>(DefaultModelName));
            services.TryAddTransient(static sp => sp.GetRequiredKeyedService<LeadAssessor>(DefaultModelName));
        }
    }

    private static RegisteredNames<ScoringModelOptions> AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var names = RegisteredNames<ScoringModelOptions>.In(services, out var created);
        if (!created)
        {
            return names;
        }

        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new ScoringTelemetry(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<ScoringModelProvider>();
        services.TryAddSingleton<IScoringModelProvider>(static sp => sp.GetRequiredService<ScoringModelProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TemperatureOptions>, TemperatureOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QualificationOptions>, QualificationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringStartupCheck>, ScoringStartupValidator>());
        services.AddOptions<TemperatureOptions>().ValidateOnStart();
        services.AddOptions<QualificationOptions>().ValidateOnStart();
        services.AddOptions<ScoringStartupCheck>().ValidateOnStart();
        return names;
    }
}
