using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Routing;
using LeadKit.Routing.Engine;

namespace LeadKit.Routing.Strategies;

/// <summary>Ordered rules, first match wins: the matching rule's team picks a rep with the rule's selection.</summary>
internal sealed class TerritoryRulesStrategy : IRoutingStrategy, ICompiledStep
{
    private readonly CompiledRule[] _rules;
    private readonly Eligibility _eligibility;

    public TerritoryRulesStrategy(string name, CompiledRule[] rules, Eligibility eligibility)
    {
        Name = name;
        _rules = rules;
        _eligibility = eligibility;
    }

    public string Name { get; }

    public RoutingDecision Decide(in RoutingContext context)
    {
        var lead = context.Lead;
        foreach (var rule in _rules)
        {
            if (rule.Matches(lead))
            {
                if (context.Explanation is { } explanation)
                {
                    ExplainMatch(explanation, rule);
                }

                return rule.Pool.Decide(context, Name);
            }
        }

        if (context.Explanation is { } none)
        {
            ExplainNoMatch(none);
        }

        return RoutingDecision.Unassigned(UnassignedReason.NotApplicable);
    }

    public bool IsCompiledWith(Eligibility eligibility) => ReferenceEquals(_eligibility, eligibility);

    // Out of line: keeps Assign's frame small when no explanation is asked for.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExplainMatch(RoutingExplanation explanation, CompiledRule rule)
        => explanation.RecordStep(Name, $"rule '{rule.Name}' matched; routing to pool '{rule.Pool.Key}'");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExplainNoMatch(RoutingExplanation explanation)
        => explanation.RecordStep(Name, $"none of {_rules.Length} rules matched");
}
