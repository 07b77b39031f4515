using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>
/// How one named scoring model is made in a DI container: from a JSON rule set (<see cref="RuleSetJson"/>, which can
/// be bound from configuration and reloaded) or from code (<see cref="Builders"/>).
/// </summary>
public sealed class ScoringModelOptions
{
    /// <summary>Gets or sets the JSON rule set; when set, the model is compiled from it and <see cref="Builders"/> is not used.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? RuleSetJson { get; set; }

    /// <summary>
    /// Gets or sets the rule kinds the model's rule set may use and its builder validates and plans with (add plugin
    /// kinds with <see cref="ScoringRuleKinds.Add(ScoringRuleKind)"/>).
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="ScoringRuleKinds.Default"/>.</value>
    public ScoringRuleKinds? RuleKinds { get; set; }

    /// <summary>Gets the code that adds rules, groups and limits to the model's builder, in order.</summary>
    public IList<Action<ScoringModelBuilder>> Builders { get; } = [];

    /// <summary>Gets or sets a value indicating whether plugin rules registered with <c>AddLeadKitScoringRule</c> join this (code-built) model.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool IncludeRegisteredRules { get; set; } = true;
}
