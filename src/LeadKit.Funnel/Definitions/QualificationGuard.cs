using LeadKit.Abstractions.Leads;
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

        return IsReached(Qualify(lead, context.OccurredAt));
    }

    /// <summary>Says why the guard is unmet: the policy's reasons, or which input is missing. Only on the refused path.</summary>
    public string? Explain(in FunnelGuardContext context)
    {
        var lead = context.Lead;
        if (lead is null)
        {
            return "no lead data was given (TransitionDetails.Lead)";
        }

        if (lead.Id != context.State.LeadId)
        {
            return "TransitionDetails.Lead is another lead than the state's";
        }

        var result = Qualify(lead, context.OccurredAt);
        if (IsReached(result))
        {
            return null;
        }

        var reasons = string.Join("; ", result.Reasons);
        return result.Disqualification == DisqualificationReason.None ? reasons : $"disqualified: {result.Disqualification}; {reasons}";
    }

    private QualificationResult Qualify(Lead lead, DateTimeOffset asOf) => _policy.Qualify(lead, _scorer.Score(lead, asOf), asOf);

    private bool IsReached(QualificationResult result) => _level == QualificationLevel.Sql ? result.IsSalesQualified : result.IsMarketingQualified;
}
