using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Kernel;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Decay;

/// <summary>
/// Describes one kind of decay once, for every place that needs it: its JSON <c>type</c> name, the properties of its
/// JSON object (read, written and published in the schema from the same list), their validation, its factor (the curve
/// the scoring engine computes inline) and its description. The kinds are <see cref="None"/>, <see cref="Linear"/>,
/// <see cref="Exponential"/>, <see cref="Step"/> and <see cref="SlidingWindow"/>, registered in
/// <see cref="ScoringRuleKinds.DecayKinds"/>; the set is closed because each factor is computed inside the engine's
/// vectorised signal pass.
/// </summary>
public abstract class DecayKind
{
    private protected DecayKind(string typeName)
    {
        ScoringRuleKind.CheckName(typeName, nameof(typeName));
        TypeName = typeName;
    }

    /// <summary>Gets no decay: <c>f(age) = 1</c>. JSON: <c>{ "type": "none" }</c>.</summary>
    public static DecayKind None { get; } = new NoDecayKind();

    /// <summary>Gets linear decay: <c>f(age) = max(0, 1 - age / lifetime)</c>. JSON: <c>{ "type": "linear", "lifetimeDays": 90 }</c>.</summary>
    public static DecayKind Linear { get; } = new LinearDecayKind();

    /// <summary>Gets exponential decay: <c>f(age) = 2^(-age / halfLife)</c>. JSON: <c>{ "type": "exponential", "halfLifeDays": 30 }</c>.</summary>
    public static DecayKind Exponential { get; } = new ExponentialDecayKind();

    /// <summary>Gets step decay: the factor of the last step reached, 1 before the first. JSON: <c>{ "type": "step", "steps": [{ "afterDays": 30, "factor": 0.5 }] }</c>.</summary>
    public static DecayKind Step { get; } = new StepDecayKind();

    /// <summary>Gets the sliding window: <c>f(age) = age &lt;= window ? 1 : 0</c>. JSON: <c>{ "type": "slidingWindow", "windowDays": 30 }</c>.</summary>
    public static DecayKind SlidingWindow { get; } = new SlidingWindowDecayKind();

    /// <summary>Gets the built-in decay kinds, in the order <see cref="ScoringRuleKinds.DecayKinds"/> lists them.</summary>
    internal static ImmutableArray<DecayKind> BuiltIn { get; } = [None, Linear, Exponential, Step, SlidingWindow];

    /// <summary>Gets the kind's JSON type name, the value of a decay object's <c>type</c> property.</summary>
    public string TypeName { get; }

    /// <summary>Gets the properties of the kind's JSON object besides <c>type</c>; any other property is refused.</summary>
    public abstract ImmutableArray<ScoringKindProperty> Properties { get; }

    /// <inheritdoc />
    public override string ToString() => TypeName;

    /// <summary>Reads a decay object (<c>type</c> chooses the kind from <see cref="ScoringRuleKinds.Default"/>), reporting every problem with its path.</summary>
    internal static DecayFunction? ReadDecay(ConfigurationElement decay)
    {
        if (decay.Value.ValueKind != JsonValueKind.Object)
        {
            decay.Report(ConfigurationProblemCodes.WrongType, "must be an object");
            return null;
        }

        if (!decay.TryGetRequired("type", out var typeElement) || typeElement.GetString(64) is not { } typeName)
        {
            return null;
        }

        if (ScoringRuleKinds.Default.FindDecayKind(typeName) is not { } kind)
        {
            typeElement.Report(ConfigurationProblemCodes.UnknownType, "must be one of: " + string.Join(", ", ScoringRuleKinds.Default.DecayKinds.Select(k => k.TypeName)));
            return null;
        }

        var allowed = new string[kind.Properties.Length + 1];
        allowed[0] = "type";
        for (var i = 0; i < kind.Properties.Length; i++)
        {
            allowed[i + 1] = kind.Properties[i].Name;
        }

        var before = decay.Problems.Count;
        decay.ExpectObject(allowed);
        var result = kind.Read(decay);
        return decay.Problems.Count == before ? result : null;
    }

    /// <summary>Writes a decay function as its JSON object.</summary>
    internal static void WriteDecay(Utf8JsonWriter json, DecayFunction decay)
    {
        json.WriteStartObject();
        json.WriteString("type", decay.Kind.TypeName);
        decay.Kind.Write(json, decay);
        json.WriteEndObject();
    }

    /// <summary>Reads the kind's own properties (unknown ones were already refused).</summary>
    internal abstract DecayFunction? Read(ConfigurationElement decay);

    /// <summary>Writes the kind's own properties of <paramref name="decay"/> into the open object.</summary>
    internal abstract void Write(Utf8JsonWriter json, DecayFunction decay);

    /// <summary>Reduces a function of this kind to the engine's curve and numbers (its factor).</summary>
    internal abstract CompiledDecay Compile(DecayFunction decay);

    /// <summary>Describes a function of this kind in words, e.g. <c>half-life 30 days</c>.</summary>
    internal abstract string Describe(DecayFunction decay);
}
