using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Kernel;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Decay;

/// <summary>The <c>step</c> decay kind: <c>steps</c>, each <c>afterDays</c> and <c>factor</c>, by increasing age and non-increasing factor.</summary>
internal sealed class StepDecayKind() : DecayKind("step")
{
    public override ImmutableArray<ScoringKindProperty> Properties { get; } =
    [
        new("steps", """{ "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["afterDays", "factor"], "properties": { "afterDays": { "$ref": "#/$defs/days" }, "factor": { "type": "number", "minimum": 0, "maximum": 1 } } } }""", required: true),
    ];

    internal override DecayFunction? Read(ConfigurationElement decay)
    {
        if (!decay.TryGetRequired("steps", out var list))
        {
            return null;
        }

        var before = decay.Problems.Count;
        var items = list.GetArray();
        var steps = new DecayStep[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!item.ExpectObject("afterDays", "factor"))
            {
                continue;
            }

            var after = RuleChecks.ReadDays(item, "afterDays", required: true);
            var factor = RuleChecks.ReadNumber(item, "factor");
            steps[i] = new DecayStep(after ?? TimeSpan.Zero, factor ?? 0);
        }

        if (decay.Problems.Count == before)
        {
            DecayFunction.CheckSteps(steps, decay.Path, decay.Problems);
        }

        return decay.Problems.Count == before ? DecayFunction.Step(steps) : null;
    }

    internal override void Write(Utf8JsonWriter json, DecayFunction decay)
    {
        json.WriteStartArray("steps");
        foreach (var step in decay.Steps)
        {
            json.WriteStartObject();
            json.WriteNumber("afterDays", RuleChecks.Days(step.After));
            json.WriteNumber("factor", step.Factor);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal override CompiledDecay Compile(DecayFunction decay)
    {
        var ticks = new long[decay.Steps.Length];
        var factors = new double[ticks.Length];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = decay.Steps[i].After.Ticks;
            factors[i] = decay.Steps[i].Factor;
        }

        return new(DecayCurve.Step, 0, 0, ticks, factors);
    }

    internal override string Describe(DecayFunction decay) => string.Create(CultureInfo.InvariantCulture, $"{decay.Steps.Length} steps");
}
