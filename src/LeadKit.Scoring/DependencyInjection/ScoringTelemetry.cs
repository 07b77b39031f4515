using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadKit.Scoring.Diagnostics;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>
/// The <c>LeadKit.Scoring</c> meter of one service provider, created through its <see cref="IMeterFactory"/> (so a
/// test or a host scopes the measurements), and the package's activity source.
/// </summary>
internal sealed class ScoringTelemetry : IDisposable
{
    /// <summary>The package's traces: one activity per model definition compiled.</summary>
    public static readonly ActivitySource ActivitySource = new(ScoringMetrics.MeterName, "1.0");

    // Owned only when the application registered no IMeterFactory (it is the factory's to dispose otherwise).
    private readonly Meter? _owned;

    public ScoringTelemetry(IMeterFactory? meterFactory)
    {
        Meter = meterFactory?.Create(new MeterOptions(ScoringMetrics.MeterName) { Version = "1.0" })
            ?? (_owned = new Meter(ScoringMetrics.MeterName, "1.0"));
    }

    public Meter Meter { get; }

    public void Dispose() => _owned?.Dispose();
}
