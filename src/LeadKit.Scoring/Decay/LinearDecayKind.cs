using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Kernel;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Decay;

/// <summary>The <c>linear</c> decay kind: one duration, <c>lifetimeDays</c> (the lifetime, the age at which points reach 0).</summary>
internal sealed class LinearDecayKind() : DecayKind("linear")
{
    public override ImmutableArray<ScoringKindProperty> Properties { get; } = [new("lifetimeDays", RuleChecks.DaysSchema, required: true)];

    internal override DecayFunction? Read(ConfigurationElement decay)
        => RuleChecks.ReadDays(decay, "lifetimeDays", required: true) is { } duration ? DecayFunction.Linear(duration) : null;

    internal override void Write(Utf8JsonWriter json, DecayFunction decay) => json.WriteNumber("lifetimeDays", RuleChecks.Days(decay.Duration));

    internal override CompiledDecay Compile(DecayFunction decay) => new(DecayCurve.Linear, 1 / (double)decay.Duration.Ticks, decay.Duration.Ticks, [], []);

    internal override string Describe(DecayFunction decay) => string.Create(CultureInfo.InvariantCulture, $"linear over {decay.Duration.TotalDays:0.##} days");
}
