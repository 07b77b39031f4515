using System.Collections.Immutable;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// The rule kinds (and decay kinds) a JSON rule set may use and a model knows how to validate and plan, each found by
/// its JSON type name or its rule class. Immutable and thread-safe: <see cref="Add(ScoringRuleKind)"/> returns a new
/// registry. <see cref="Default"/> holds the built-in kinds, added through that same method.
/// </summary>
/// <example>
/// <code>
/// var kinds = ScoringRuleKinds.Default.Add(new JobTitleKeywordRuleKind());
/// var ruleSet = ScoringRuleSet.Parse(json, new ScoringRuleSetOptions { Kinds = kinds });
/// </code>
/// </example>
public sealed class ScoringRuleKinds
{
    private ScoringRuleKinds(ImmutableArray<ScoringRuleKind> ruleKinds, ImmutableArray<DecayKind> decayKinds)
    {
        RuleKinds = ruleKinds;
        DecayKinds = decayKinds;
    }

    /// <summary>
    /// Gets a registry with no rule kinds (and the built-in decay kinds): the start of <see cref="Default"/>. Not public:
    /// a model built with it would run the built-in rules unvalidated, through their <c>Evaluate</c>.
    /// </summary>
    internal static ScoringRuleKinds Empty { get; } = new([], DecayKind.BuiltIn);

    /// <summary>Gets the built-in kinds: <c>attribute</c>, <c>source</c>, <c>signal</c>, <c>emailDomain</c>, <c>inactivity</c>.</summary>
    public static ScoringRuleKinds Default { get; } = Empty
        .Add(new AttributeRuleKind())
        .Add(new LeadSourceRuleKind())
        .Add(new SignalRuleKind())
        .Add(new EmailDomainRuleKind())
        .Add(new InactivityRuleKind());

    /// <summary>Gets the rule kinds, in the order added.</summary>
    public ImmutableArray<ScoringRuleKind> RuleKinds { get; }

    /// <summary>Gets the decay kinds: <c>none</c>, <c>linear</c>, <c>exponential</c>, <c>step</c>, <c>slidingWindow</c>.</summary>
    public ImmutableArray<DecayKind> DecayKinds { get; }

    /// <summary>Returns a registry that also holds <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind; its type name and rule class must be new to this registry.</param>
    /// <returns>The new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kind"/> is null.</exception>
    /// <exception cref="ArgumentException">A kind with the same type name or rule class is already registered.</exception>
    public ScoringRuleKinds Add(ScoringRuleKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var existing in RuleKinds)
        {
            if (string.Equals(existing.TypeName, kind.TypeName, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A rule kind with the type name '{kind.TypeName}' is already registered.", nameof(kind));
            }

            if (existing.RuleType == kind.RuleType)
            {
                throw new ArgumentException($"A rule kind for the rule class {kind.RuleType.Name} is already registered.", nameof(kind));
            }
        }

        return new(RuleKinds.Add(kind), DecayKinds);
    }

    /// <summary>Finds the rule kind with a JSON type name (case-sensitive).</summary>
    /// <param name="typeName">The type name, e.g. <c>attribute</c>.</param>
    /// <returns>The kind, or <see langword="null"/>.</returns>
    public ScoringRuleKind? FindRuleKind(string typeName)
    {
        foreach (var kind in RuleKinds)
        {
            if (string.Equals(kind.TypeName, typeName, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Finds the rule kind describing a rule's class (exactly its class, not a base class).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The kind, or <see langword="null"/> for a rule of a class no kind describes.</returns>
    public ScoringRuleKind? Find(IScoringRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var type = rule.GetType();
        foreach (var kind in RuleKinds)
        {
            if (kind.RuleType == type)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Finds the decay kind with a JSON type name (case-sensitive).</summary>
    /// <param name="typeName">The type name, e.g. <c>exponential</c>.</param>
    /// <returns>The kind, or <see langword="null"/>.</returns>
    internal DecayKind? FindDecayKind(string typeName)
    {
        foreach (var kind in DecayKinds)
        {
            if (string.Equals(kind.TypeName, typeName, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
