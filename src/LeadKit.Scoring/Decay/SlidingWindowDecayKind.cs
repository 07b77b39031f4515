using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Kernel;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Decay;

/// <summary>The <c>slidingWindow</c> decay kind: one duration, <c>windowDays</c> (the window).</summary>
internal sealed class SlidingWindowDecayKind() : DecayKind("slidingWindow")
{
    public override ImmutableArray<ScoringKindProperty> Properties { get; } = [new("windowDays", RuleChecks.DaysSchema, required: true)];

    internal override DecayFunction? Read(ConfigurationElement decay)
        => RuleChecks.ReadDays(decay, "windowDays", required: true) is { } duration ? DecayFunction.SlidingWindow(duration) : null;

    internal override void Write(Utf8JsonWriter json, DecayFunction decay) => json.WriteNumber("windowDays", RuleChecks.Days(decay.Duration));

    internal override CompiledDecay Compile(DecayFunction decay) => new(DecayCurve.SlidingWindow, 0, decay.Duration.Ticks, [], []);

    internal override string Describe(DecayFunction decay) => string.Create(CultureInfo.InvariantCulture, $"window {decay.Duration.TotalDays:0.##} days");
}
