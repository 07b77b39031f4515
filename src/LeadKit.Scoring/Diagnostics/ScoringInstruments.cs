using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace LeadKit.Scoring.Diagnostics;

/// <summary>
/// The instruments of one <c>LeadKit.Scoring</c> meter (see <see cref="ScoringMetrics"/> for what each measures). A model
/// built with an <see cref="IMeterFactory"/> records on that factory's meter, so a host or a test scopes its
/// measurements; a model built without one records on a process-wide meter of the same name.
/// </summary>
internal sealed class ScoringInstruments
{
    private static readonly ConditionalWeakTable<Meter, ScoringInstruments> ByMeter = new();

    private ScoringInstruments(Meter meter)
    {
        LeadsScored = meter.CreateCounter<long>("leadkit.scoring.leads_scored", "{lead}", "Leads scored.");
        RuleFailures = meter.CreateCounter<long>("leadkit.scoring.rule_failures", "{failure}", "Scoring rules that threw or returned a non-finite number.");
        CompilationFailures = meter.CreateCounter<long>("leadkit.scoring.compilation_failures", "{failure}", "Models whose compiled form failed to build; they keep scoring from their tables.");
    }

    /// <summary>Gets the instruments of the process-wide meter, for models built without a meter factory.</summary>
    public static ScoringInstruments Shared { get; } = new(new Meter(ScoringMetrics.MeterName, ScoringMetrics.MeterVersion));

    public Counter<long> LeadsScored { get; }

    public Counter<long> RuleFailures { get; }

    public Counter<long> CompilationFailures { get; }

    /// <summary>Gets the instruments of a factory's <c>LeadKit.Scoring</c> meter (one set per meter: the factory returns the same meter each time).</summary>
    public static ScoringInstruments For(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(ScoringMetrics.MeterName) { Version = ScoringMetrics.MeterVersion });
        return ByMeter.GetValue(meter, static m => new ScoringInstruments(m));
    }
}
