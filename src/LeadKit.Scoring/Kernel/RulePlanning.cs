using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.Kernel;

/// <summary>
/// Collects the kernel's plan entries while a model is built: each rule kind's descriptor adds its rules through one
/// of these methods (<see cref="ScoringRuleKind{TRule}"/>'s plan step), so the model's constructor never switches on rule
/// classes. Build time only; the hot path reads the arrays this produces.
/// </summary>
/// <param name="sources">The sources of the model's source rules: a lead's source is found by ordinal.</param>
/// <param name="kindSlot">Maps a signal kind to its entry of the model's kind-to-code map.</param>
/// <param name="groupDecay">Each rule slot's group decay, or <see langword="null"/>.</param>
internal sealed class RulePlanning(VocabularyIndex<LeadSource> sources, Func<EngagementSignalKind, int> kindSlot, DecayFunction?[] groupDecay)
{
    private readonly List<CompiledCondition> _attributeConditions = [];
    private readonly List<double> _attributePoints = [];
    private readonly List<int> _attributeSlots = [];
    private readonly List<double[]> _sourcePoints = [];
    private readonly List<int> _sourceSlots = [];
    private readonly List<EmailDomainRule> _emailRules = [];
    private readonly List<int> _emailSlots = [];
    private readonly List<IScoringRule> _evaluators = [];
    private readonly List<int> _evaluatorSlots = [];
    private readonly List<long> _inactivityTicks = [];
    private readonly List<double> _inactivityPoints = [];
    private readonly List<int> _inactivitySlots = [];
    private readonly List<SignalPlan> _signalPlans = [];

    /// <summary>Gets the sources of the model's source rules.</summary>
    public VocabularyIndex<LeadSource> Sources { get; } = sources;

    /// <summary>Gets the map from a signal kind to its entry of the model's kind-to-code map.</summary>
    public Func<EngagementSignalKind, int> KindSlot { get; } = kindSlot;

    /// <summary>Gets the signal plans added, in rule order.</summary>
    public IReadOnlyList<SignalPlan> SignalPlans => _signalPlans;

    /// <summary>Gets the evaluated (plugin) rules, each with its slot.</summary>
    public IReadOnlyList<IScoringRule> Evaluators => _evaluators;

    /// <summary>Gets each evaluated rule's slot.</summary>
    public IReadOnlyList<int> EvaluatorSlots => _evaluatorSlots;

    /// <summary>Gets the decay of the group of the rule in <paramref name="slot"/>, or <see langword="null"/>.</summary>
    public DecayFunction? GroupDecay(int slot) => groupDecay[slot];

    /// <summary>Points when a compiled condition holds (table and compiled paths).</summary>
    public void AddAttribute(int slot, CompiledCondition condition, double points)
    {
        _attributeConditions.Add(condition);
        _attributePoints.Add(points);
        _attributeSlots.Add(slot);
    }

    /// <summary>Points by the lead's source ordinal in <see cref="Sources"/> (0 for ordinals past the table).</summary>
    public void AddSource(int slot, double[] pointsBySource)
    {
        _sourcePoints.Add(pointsBySource);
        _sourceSlots.Add(slot);
    }

    /// <summary>An e-mail domain rule, called directly on both paths.</summary>
    public void AddEmailDomain(int slot, EmailDomainRule rule)
    {
        _emailRules.Add(rule);
        _emailSlots.Add(slot);
    }

    /// <summary>An inactivity rule, read from the youngest signal the signal pass finds.</summary>
    public void AddInactivity(int slot, long afterTicks, double points)
    {
        _inactivityTicks.Add(afterTicks);
        _inactivityPoints.Add(points);
        _inactivitySlots.Add(slot);
    }

    /// <summary>A signal rule's plan, counted by the signal pass; its slot is <see cref="SignalPlan.Slot"/>.</summary>
    public void AddSignal(SignalPlan plan) => _signalPlans.Add(plan);

    /// <summary>A rule without a fast path: the model calls its <see cref="IScoringRule.Evaluate"/>, guarded.</summary>
    public void AddEvaluator(int slot, IScoringRule rule)
    {
        _evaluators.Add(rule);
        _evaluatorSlots.Add(slot);
    }

    /// <summary>Builds the tables of the attribute, source and e-mail domain rules.</summary>
    public RuleTables CreateTables()
        => new([.. _attributeConditions], [.. _attributePoints], [.. _attributeSlots], [.. _sourcePoints], [.. _sourceSlots], Sources, [.. _emailRules], [.. _emailSlots]);

    /// <summary>Builds the signal pass of the signal plans and inactivity rules.</summary>
    public SignalPass CreateSignalPass(VocabularyIndex<EngagementSignalKind>? localKinds)
        => new([.. _signalPlans], [.. _inactivityTicks], [.. _inactivityPoints], [.. _inactivitySlots], localKinds);
}
