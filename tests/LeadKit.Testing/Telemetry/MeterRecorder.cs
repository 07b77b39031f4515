using System.Diagnostics.Metrics;

namespace LeadKit.Testing.Telemetry;

/// <summary>
/// Records the measurements (long and double) of the meters one factory created, so tests running in parallel, which
/// use the same meter names, never see each other's measurements.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<RecordedMeasurement> _measurements = [];

    /// <summary>Starts recording.</summary>
    /// <param name="factory">The factory whose meters to hear (by <see cref="Meter.Scope"/>).</param>
    /// <param name="meterName">Only this meter's instruments, or <see langword="null"/> for every meter of the factory.</param>
    public MeterRecorder(IMeterFactory factory, string? meterName = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && (meterName is null || instrument.Meter.Name == meterName))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Gets a snapshot of the measurements recorded so far, in order.</summary>
    public IReadOnlyList<RecordedMeasurement> Measurements
    {
        get
        {
            lock (_measurements)
            {
                return [.. _measurements];
            }
        }
    }

    /// <summary>Gets the values recorded by one instrument, in order.</summary>
    /// <param name="instrument">The instrument's name.</param>
    /// <returns>The values.</returns>
    public double[] Values(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var measurement = new RecordedMeasurement(instrument.Name, value, tags.ToArray());
        lock (_measurements)
        {
            _measurements.Add(measurement);
        }
    }
}
