using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Kernel;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Decay;

/// <summary>The <c>exponential</c> decay kind: one duration, <c>halfLifeDays</c> (the half-life).</summary>
internal sealed class ExponentialDecayKind() : DecayKind("exponential")
{
    public override ImmutableArray<ScoringKindProperty> Properties { get; } = [new("halfLifeDays", RuleChecks.DaysSchema, required: true)];

    internal override DecayFunction? Read(ConfigurationElement decay)
        => RuleChecks.ReadDays(decay, "halfLifeDays", required: true) is { } duration ? DecayFunction.HalfLife(duration) : null;

    internal override void Write(Utf8JsonWriter json, DecayFunction decay) => json.WriteNumber("halfLifeDays", RuleChecks.Days(decay.Duration));

    internal override CompiledDecay Compile(DecayFunction decay) => new(DecayCurve.Exponential, 1 / (double)decay.Duration.Ticks, decay.Duration.Ticks, [], []);

    internal override string Describe(DecayFunction decay) => string.Create(CultureInfo.InvariantCulture, $"half-life {decay.Duration.TotalDays:0.##} days");
}
