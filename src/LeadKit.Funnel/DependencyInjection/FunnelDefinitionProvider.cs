using System.Collections.Concurrent;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.Serialization;
using LeadKit.Funnel.Telemetry;
using LeadKit.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadKit.Funnel.DependencyInjection;

/// <summary>
/// The definitions of the funnels <c>AddLeadKitFunnel</c> built (the default funnel or <see cref="FunnelOptions.DefinitionJson"/>),
/// one reloadable entry per funnel name fed by its named <see cref="FunnelOptions"/>: each change is built again and,
/// only when valid, used by that funnel's <see cref="Workflow.FunnelWorkflow"/> from its next call; a refused one keeps
/// the definition in use and is reported by <see cref="Rejected"/>, <see cref="GetStatus"/> and the
/// <c>leadkit.funnel.definition_reloads</c> counter.
/// </summary>
/// <remarks>Thread-safe. A funnel whose application registered its own <see cref="FunnelDefinition"/> has no entry here.</remarks>
public sealed class FunnelDefinitionProvider : IDisposable
{
    private readonly IServiceProvider _services;
    private readonly IOptionsMonitor<FunnelOptions> _options;
    private readonly ReloadableRegistry<FunnelDefinition> _registry;
    private readonly ConcurrentDictionary<string, Lazy<ReloadableEntry<FunnelDefinition>>> _entries = new(StringComparer.Ordinal);

    internal FunnelDefinitionProvider(IServiceProvider services, IOptionsMonitor<FunnelOptions> options, TimeProvider time, FunnelTelemetry telemetry)
    {
        _services = services;
        _options = options;
        _registry = new ReloadableRegistry<FunnelDefinition>(new ReloadableRegistryOptions
        {
            TimeProvider = time,
            Meter = telemetry.Meter,
            CounterName = "leadkit.funnel.definition_reloads",
            NameTag = "leadkit.funnel",
            ActivitySource = FunnelTelemetry.ActivitySource,
            ActivityName = "leadkit.funnel.definition_reload",
        });
        _registry.Rejected += (_, e) => Rejected?.Invoke(this, e);
    }

    /// <summary>Raised after a funnel's definition was refused (its first one included); the definition in use stays.</summary>
    public event EventHandler<ReloadRejectedEventArgs>? Rejected;

    /// <summary>Returns the definition a funnel uses now.</summary>
    /// <param name="name">The funnel's name (<c>Options.DefaultName</c>, the empty string, for the unnamed funnel, whose status is named <c>default</c>).</param>
    /// <returns>The definition built from the last valid options.</returns>
    /// <exception cref="ConfigurationException">The funnel's options have never been valid; the problems are the latest ones.</exception>
    public FunnelDefinition GetDefinition(string name) => Entry(name).Value;

    /// <summary>Returns a funnel's reload status: the version in use, when it was loaded and the latest refusal.</summary>
    /// <param name="name">The funnel's name.</param>
    /// <returns>The status.</returns>
    public ReloadStatus GetStatus(string name) => Entry(name).Status;

    /// <inheritdoc />
    public void Dispose() => _registry.Dispose();

    internal ReloadableEntry<FunnelDefinition> Entry(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _entries.GetOrAdd(name, key => new Lazy<ReloadableEntry<FunnelDefinition>>(() =>
            _registry.Add(EntryName(key), new OptionsMonitorReloadSource<FunnelOptions>(_options, key), (options, problems) => Build(options, problems)))).Value;
    }

    /// <summary>The unnamed funnel's entry (and telemetry) name; <c>AddLeadKitFunnel</c> refuses it as a funnel name.</summary>
    internal const string DefaultEntryName = "default";

    // Reload entries need a non-blank name; the options' default name is the empty string.
    private static string EntryName(string optionsName) => optionsName.Length == 0 ? DefaultEntryName : optionsName;

    private FunnelDefinition? Build(FunnelOptions options, ICollection<ConfigurationProblem> problems)
    {
        ILeadScorer? scorer = null;
        IQualificationPolicy? policy = null;
        if (options.UseQualificationGuards)
        {
            // The explicit link: the scoring model the options name, never whatever else is registered.
            scorer = _services.GetKeyedService<ILeadScorer>(options.QualificationModel);
            policy = _services.GetKeyedService<IQualificationPolicy>(options.QualificationModel);
            if (scorer is null || policy is null)
            {
                problems.Add(new ConfigurationProblem(nameof(FunnelOptions) + "." + nameof(FunnelOptions.QualificationModel), ConfigurationProblemCodes.UnknownReference, FunnelOptionsValidator.MissingModel(options.QualificationModel)));
                return null;
            }
        }

        if (options.DefinitionJson is { } json)
        {
            var guards = options.Guards?.Copy() ?? new FunnelGuardRegistry();
            if (scorer is not null && policy is not null)
            {
                guards.AddQualificationGuards(scorer, policy);
            }

            return FunnelDefinitionJson.TryParse(json, guards, BuilderActions(options), problems);
        }

        try
        {
            return scorer is not null && policy is not null ? DefaultFunnel.CreateQualified(scorer, policy, options) : DefaultFunnel.Create(options);
        }
        catch (ArgumentException ex)
        {
            // Invalid options; their start-up validation lists each problem, this says why the definition is not built.
            problems.Add(new ConfigurationProblem(nameof(FunnelOptions), ConfigurationProblemCodes.InvalidValue, ex.Message));
            return null;
        }
    }

    private static Action<FunnelDefinitionBuilder>? BuilderActions(FunnelOptions options)
        => options.OverrideAuthorizer is { } authorizer
            ? builder => builder.AuthorizeOverrides(authorizer, options.OverrideAuthorizerDescription ?? string.Empty)
            : null;
}
