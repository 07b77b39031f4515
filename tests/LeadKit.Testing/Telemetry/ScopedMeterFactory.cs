using System.Diagnostics.Metrics;

namespace LeadKit.Testing.Telemetry;

/// <summary>
/// An <see cref="IMeterFactory"/> for one test: one meter per name and version, as the container's factory gives, each
/// scoped to this factory so a <see cref="MeterRecorder"/> hears this test's measurements only.
/// </summary>
public sealed class ScopedMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    /// <summary>Gets the meters created so far.</summary>
    public IReadOnlyList<Meter> Meters
    {
        get
        {
            lock (_meters)
            {
                return [.. _meters];
            }
        }
    }

    /// <inheritdoc/>
    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_meters)
        {
            if (_meters.Find(m => m.Name == options.Name && m.Version == options.Version) is { } existing)
            {
                return existing;
            }

            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
        }
    }
}
