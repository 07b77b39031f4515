using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Kernel;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Decay;

/// <summary>The <c>none</c> decay kind: factor 1 at every age.</summary>
internal sealed class NoDecayKind() : DecayKind("none")
{
    public override ImmutableArray<ScoringKindProperty> Properties { get; } = [];

    internal override DecayFunction? Read(ConfigurationElement decay) => DecayFunction.None;

    internal override void Write(Utf8JsonWriter json, DecayFunction decay)
    {
    }

    internal override CompiledDecay Compile(DecayFunction decay) => new(DecayCurve.None, 0, 0, [], []);

    internal override string Describe(DecayFunction decay) => "none";
}
