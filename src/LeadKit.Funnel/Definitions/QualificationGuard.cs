using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Funnel.Definitions;

/// <summary>Asks the qualification policy whether the supplied lead reaches a level.</summary>
internal sealed class QualificationGuard
{
    private readonly ILeadScorer _scorer;
    private readonly IQualificationPolicy _policy;
    private readonly QualificationLevel _level;

    public QualificationGuard(ILeadScorer scorer, IQualificationPolicy policy, QualificationLevel level)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(policy);
        _scorer = scorer;
        _policy = policy;
        _level = level;
    }

    public bool IsMet(in FunnelGuardContext context)
    {
        var lead = context.Lead;
        if (lead is null || lead.Id != context.State.LeadId)
        {
            return false;
        }

        var score = _scorer.Score(lead, context.OccurredAt);
        var result = _policy.Qualify(lead, score, context.OccurredAt);
        return _level == QualificationLevel.Sql ? result.IsSalesQualified : result.IsMarketingQualified;
    }
}
