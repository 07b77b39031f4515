using LeadKit.Abstractions.Configuration.Reload;
using Microsoft.Extensions.Options;

namespace LeadKit.Funnel.DependencyInjection;

/// <summary>Feeds a reloadable entry from one name of an options monitor (every configuration change of that name).</summary>
internal sealed class OptionsMonitorReloadSource<TOptions>(IOptionsMonitor<TOptions> monitor, string name) : IReloadSource<TOptions>
{
    public TOptions Current => monitor.Get(name);

    public IDisposable Subscribe(Action<TOptions> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return monitor.OnChange((options, changed) =>
        {
            // The monitor reports every name's changes; an unnamed change is the default name's.
            if (string.Equals(changed ?? Options.DefaultName, name, StringComparison.Ordinal))
            {
                listener(options);
            }
        }) ?? NoSubscription.Instance;
    }

    private sealed class NoSubscription : IDisposable
    {
        public static NoSubscription Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
