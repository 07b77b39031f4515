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
                context.Explanation?.RecordStep(Name, $"rule '{rule.Name}' matched; routing to pool '{rule.Pool.Key}'");
                return rule.Pool.Assign(context, Name);
            }
        }

        context.Explanation?.RecordStep(Name, $"none of {_rules.Length} rules matched");
        return AssignmentResult.Unassigned(UnassignedReason.NotApplicable);
    }
}
