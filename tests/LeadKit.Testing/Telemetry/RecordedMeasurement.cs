namespace LeadKit.Testing.Telemetry;

/// <summary>One measurement a <see cref="MeterRecorder"/> heard.</summary>
/// <param name="Instrument">The instrument's name.</param>
/// <param name="Value">The value (a long widened to double).</param>
/// <param name="TagList">The tags in the order they were given.</param>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyList<KeyValuePair<string, object?>> TagList)
{
    /// <summary>Gets the tags by key.</summary>
    public IReadOnlyDictionary<string, object?> Tags { get; } = TagList.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
}
