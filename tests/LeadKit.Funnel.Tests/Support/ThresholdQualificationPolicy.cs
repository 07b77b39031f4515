using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Funnel.Tests.Support;

/// <summary>A fake policy: total &gt;= 2 is SQL, &gt;= 1 is MQL; a do-not-contact lead is disqualified.</summary>
internal sealed class ThresholdQualificationPolicy : IQualificationPolicy
{
    public QualificationResult Qualify(Lead lead, LeadScore score, DateTimeOffset asOf)
    {
        if (lead.Consent.DoNotContact)
        {
            return new QualificationResult(QualificationLevel.Unqualified, DisqualificationReason.DoNotContact, "asked not to be contacted");
        }

        var level = score.Total >= 2 ? QualificationLevel.Sql : score.Total >= 1 ? QualificationLevel.Mql : QualificationLevel.Unqualified;
        return new QualificationResult(level, DisqualificationReason.None, $"total {score.Total}");
    }
}
