using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Telemetry;
using LeadKit.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadKit.Routing.DependencyInjection;

/// <summary>
/// One reloadable plan per registered routing, fed by its named <see cref="RoutingOptions"/>: built when the registry
/// is, and again on every options change; a plan that fails keeps the previous one in use and is reported by the
/// provider's event and status and by the <c>leadkit.routing.plan_reloads</c> counter.
/// </summary>
internal sealed class RoutingPlanRegistry : IDisposable
{
    /// <summary>The entry name of the unnamed routing (the registry refuses a blank name; metrics show this one).</summary>
    public const string DefaultEntryName = "default";

    private readonly ReloadableRegistry<RoutingPlan> _registry;
    private readonly Dictionary<string, RoutingPlanProvider> _providers = new(StringComparer.Ordinal);

    public RoutingPlanRegistry(IServiceProvider services, IOptionsMonitor<RoutingOptions> options, RegisteredNames<RoutingOptions> names, RoutingTelemetry telemetry)
    {
        _registry = new ReloadableRegistry<RoutingPlan>(new ReloadableRegistryOptions
        {
            TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System,
            Meter = telemetry.Meter,
            CounterName = "leadkit.routing.plan_reloads",
            NameTag = "leadkit.routing",
            ActivitySource = RoutingTelemetry.ActivitySource,
            ActivityName = "leadkit.routing.plan_reload",
        });
        foreach (var name in names.Names)
        {
            // An account-owner directory for JSON plans: keyed under the routing's name, or the unkeyed one for the default routing.
            var owners = name.Length == 0 ? services.GetService<IAccountOwnerDirectory>() : services.GetKeyedService<IAccountOwnerDirectory>(name);
            var entry = _registry.Add(
                name.Length == 0 ? DefaultEntryName : name,
                new OptionsMonitorReloadSource<RoutingOptions>(options, name),
                // Problems (neither or both plan sources, an invalid plan) throw ConfigurationException, which the entry records.
                (o, _) => o.BuildPlan(owners));
            _providers.Add(name, new RoutingPlanProvider(entry));
        }
    }

    public IReadOnlyCollection<string> Names => _providers.Keys;

    public RoutingPlanProvider Get(string name)
        => _providers.TryGetValue(name, out var provider)
            ? provider
            : throw new KeyNotFoundException("No routing is registered under that name; register it with AddLeadKitRouting.");

    public void Dispose() => _registry.Dispose();
}
