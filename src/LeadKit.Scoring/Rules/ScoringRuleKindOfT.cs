using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// The base of every rule kind, built-in or plugin: override <see cref="ScoringRuleKind.Properties"/>,
/// <see cref="Read"/> and <see cref="Write"/>, and <see cref="Validate"/> when the rule has parameters to check.
/// Register it with <see cref="ScoringRuleKinds.Add(ScoringRuleKind)"/>.
/// </summary>
/// <typeparam name="TRule">The rule class; immutable and thread-safe, like every <see cref="IScoringRule"/>.</typeparam>
/// <param name="typeName">The JSON type name; camelCase ASCII, unique in a registry.</param>
public abstract class ScoringRuleKind<TRule>(string typeName) : ScoringRuleKind(typeName, typeof(TRule))
    where TRule : class, IScoringRule
{
    /// <summary>
    /// Reads a rule from its JSON object. Read each property of <see cref="ScoringRuleKind.Properties"/> with
    /// <paramref name="rule"/>'s methods (<see cref="ConfigurationElement.TryGetRequired"/>,
    /// <see cref="ConfigurationElement.GetNumber"/>, ...), which report problems with their paths; properties not listed
    /// were already refused.
    /// </summary>
    /// <param name="rule">The rule's JSON object.</param>
    /// <param name="name">The rule's name (the shared <c>name</c> property).</param>
    /// <param name="dimension">The rule's dimension: the document's, or <see cref="ScoringRuleKind.DefaultDimension"/>.</param>
    /// <returns>The rule, or <see langword="null"/> after reporting at least one problem.</returns>
    protected abstract TRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension);

    /// <summary>Writes the kind's own properties (not <c>name</c>, <c>type</c>, <c>dimension</c>, <c>group</c>) into the open object; reading them back gives an equal rule.</summary>
    /// <param name="json">The writer, inside the rule's object.</param>
    /// <param name="rule">The rule.</param>
    protected abstract void Write(Utf8JsonWriter json, TRule rule);

    /// <summary>Adds a problem for every invalid parameter; called by <c>ScoringModelBuilder.Build</c> for every rule of the kind, from code or JSON.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="path">The rule's path, e.g. <c>rules[3]</c>; add the property, e.g. <c>rules[3].points</c>.</param>
    /// <param name="problems">Where problems go; messages never contain input values.</param>
    protected virtual void Validate(TRule rule, string path, ICollection<ConfigurationProblem> problems)
    {
    }

    /// <summary>The engine's plan of a rule: a guarded call to <see cref="IScoringRule.Evaluate"/> unless a built-in kind has a fast path.</summary>
    internal virtual void Plan(TRule rule, int slot, RulePlanning planning) => planning.AddEvaluator(slot, rule);

    /// <inheritdoc cref="ScoringRuleKind.SignalKindsOf"/>
    internal virtual IEnumerable<EngagementSignalKind> SignalKindsOf(TRule rule) => [];

    /// <inheritdoc cref="ScoringRuleKind.SourcesOf"/>
    internal virtual IEnumerable<LeadSource> SourcesOf(TRule rule) => [];

    internal sealed override IScoringRule? ReadRule(ConfigurationElement rule, string name, ScoreDimension dimension) => Read(rule, name, dimension);

    internal sealed override void WriteRule(Utf8JsonWriter json, IScoringRule rule) => Write(json, (TRule)rule);

    internal sealed override void ValidateRule(IScoringRule rule, string path, ICollection<ConfigurationProblem> problems) => Validate((TRule)rule, path, problems);

    internal sealed override void PlanRule(IScoringRule rule, int slot, RulePlanning planning) => Plan((TRule)rule, slot, planning);

    internal sealed override IEnumerable<EngagementSignalKind> SignalKindsOf(IScoringRule rule) => SignalKindsOf((TRule)rule);

    internal sealed override IEnumerable<LeadSource> SourcesOf(IScoringRule rule) => SourcesOf((TRule)rule);
}
