using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Describes one kind of scoring rule once, for every place that needs it: its JSON <c>type</c> name, the properties of
/// its JSON document (read, written and published in the schema from the same list), its validation, and the step that
/// gives the scoring engine its plan. Built-in kinds and plugin kinds are registered the same way, through
/// <see cref="ScoringRuleKinds.Add(ScoringRuleKind)"/>, so a plugin rule can appear in a JSON rule set under its type name.
/// Derive from <see cref="ScoringRuleKind{TRule}"/>.
/// </summary>
/// <remarks>
/// A kind that has no fast path in the engine (every plugin kind) is evaluated by calling
/// <see cref="IScoringRule.Evaluate"/> on each rule, guarded: a throwing rule or a non-finite result fails the score with a
/// <c>ScoringException</c> naming the rule. Its explanation is its points, as for any rule without occurrences.
/// </remarks>
public abstract class ScoringRuleKind
{
    /// <summary>The JSON properties every rule has, whatever its kind: they are read by the rule set, not by a kind.</summary>
    internal static readonly ImmutableArray<string> SharedProperties = ["name", "type", "dimension", "group"];

    /// <summary>Creates the kind; derive from <see cref="ScoringRuleKind{TRule}"/>, which implements the engine's part.</summary>
    /// <param name="typeName">The JSON type name; camelCase ASCII.</param>
    /// <param name="ruleType">The rule class.</param>
    protected ScoringRuleKind(string typeName, Type ruleType)
    {
        CheckName(typeName, nameof(typeName));
        TypeName = typeName;
        RuleType = ruleType ?? throw new ArgumentNullException(nameof(ruleType));
    }

    /// <summary>Gets the kind's JSON type name, the value of a rule's <c>type</c> property (e.g. <c>attribute</c>).</summary>
    public string TypeName { get; }

    /// <summary>Gets the rule class this kind describes.</summary>
    public Type RuleType { get; }

    /// <summary>Gets the dimension a rule of this kind scores when its document does not say.</summary>
    /// <value>Defaults to <see cref="ScoreDimension.Fit"/>.</value>
    public virtual ScoreDimension DefaultDimension => ScoreDimension.Fit;

    /// <summary>
    /// Gets the properties of the kind's JSON document besides the shared <c>name</c>, <c>type</c>, <c>dimension</c>
    /// and <c>group</c>. Any other property is refused with <see cref="ConfigurationProblemCodes.UnknownProperty"/>.
    /// </summary>
    public abstract ImmutableArray<ScoringKindProperty> Properties { get; }

    /// <summary>Reads a rule of this kind from its JSON object (already checked to hold only known properties).</summary>
    internal abstract IScoringRule? ReadRule(ConfigurationElement rule, string name, ScoreDimension dimension);

    /// <summary>Writes the kind's own properties of <paramref name="rule"/> into the open JSON object.</summary>
    internal abstract void WriteRule(Utf8JsonWriter json, IScoringRule rule);

    /// <summary>Adds a problem for every invalid parameter of <paramref name="rule"/>, with paths under <paramref name="path"/>.</summary>
    internal abstract void ValidateRule(IScoringRule rule, string path, ICollection<ConfigurationProblem> problems);

    /// <summary>Gives the engine the plan of a valid rule: a fast-path entry for a built-in kind, a guarded call otherwise.</summary>
    internal abstract void PlanRule(IScoringRule rule, int slot, RulePlanning planning);

    /// <summary>Gets the signal kinds a rule counts, registered with the model's vocabulary before planning.</summary>
    internal virtual IEnumerable<EngagementSignalKind> SignalKindsOf(IScoringRule rule) => [];

    /// <summary>Gets the lead sources a rule names, registered with the model's vocabulary before planning.</summary>
    internal virtual IEnumerable<LeadSource> SourcesOf(IScoringRule rule) => [];

    /// <summary>Refuses a JSON name that is not camelCase ASCII (a lower-case letter, then letters and digits, at most 64).</summary>
    internal static void CheckName(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        var valid = name.Length <= 64 && char.IsAsciiLetterLower(name[0]);
        foreach (var c in name)
        {
            valid &= char.IsAsciiLetterOrDigit(c);
        }

        if (!valid)
        {
            throw new ArgumentException($"{parameterName} must be camelCase ASCII: a lower-case letter, then letters and digits, at most 64 characters.", parameterName);
        }
    }
}
