using LeadKit.Abstractions.Configuration.Reload;
using Microsoft.Extensions.Options;

namespace LeadKit.Shared;

/// <summary>Feeds a reloadable entry from one named options instance: its current value and every change of that name.</summary>
/// <remarks>
/// Compiled into each package that reloads from options (linked from <c>src/Shared</c>, internal to each): Abstractions,
/// where <see cref="IReloadSource{T}"/> lives, depends on nothing, so it cannot hold an <see cref="IOptionsMonitor{TOptions}"/> adapter.
/// </remarks>
/// <typeparam name="TOptions">The options type.</typeparam>
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
