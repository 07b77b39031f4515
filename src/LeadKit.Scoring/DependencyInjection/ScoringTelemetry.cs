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
    public static readonly ActivitySource ActivitySource = new(ScoringMetrics.MeterName, ScoringMetrics.MeterVersion);

    // Owned only when the application registered no IMeterFactory (it is the factory's to dispose otherwise).
    private readonly Meter? _owned;

    public ScoringTelemetry(IMeterFactory? meterFactory)
    {
        MeterFactory = meterFactory;
        Meter = meterFactory?.Create(new MeterOptions(ScoringMetrics.MeterName) { Version = ScoringMetrics.MeterVersion })
            ?? (_owned = new Meter(ScoringMetrics.MeterName, ScoringMetrics.MeterVersion));
    }

    public Meter Meter { get; }

    /// <summary>Gets the container's meter factory, which the models built here record through (null without one).</summary>
    public IMeterFactory? MeterFactory { get; }

    public void Dispose() => _owned?.Dispose();
}
