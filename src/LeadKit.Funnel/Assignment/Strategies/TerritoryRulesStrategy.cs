using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Assignment;
using LeadKit.Funnel.Assignment.Engine;

namespace LeadKit.Funnel.Assignment.Strategies;

/// <summary>Ordered rules, first match wins: the matching rule's team picks a rep with the rule's selection.</summary>
internal sealed class TerritoryRulesStrategy : IAssignmentStrategy
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

    public AssignmentResult Assign(in AssignmentContext context)
    {
        var lead = context.Lead;
        var product = _eligibility.ProductOf(lead);
        foreach (var rule in _rules)
        {
            if (rule.Matches(lead, product))
            {
                if (context.Explanation is { } explanation)
                {
                    ExplainMatch(explanation, rule);
                }

                return rule.Pool.Assign(context, Name);
            }
        }

        if (context.Explanation is { } none)
        {
            ExplainNoMatch(none);
        }

        return AssignmentResult.Unassigned(UnassignedReason.NotApplicable);
    }

    // Out of line: keeps Assign's frame small when no explanation is asked for.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExplainMatch(AssignmentExplanation explanation, CompiledRule rule)
        => explanation.RecordStep(Name, $"rule '{rule.Name}' matched; routing to pool '{rule.Pool.Key}'");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExplainNoMatch(AssignmentExplanation explanation)
        => explanation.RecordStep(Name, $"none of {_rules.Length} rules matched");
}
