using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Explanations;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>A model's qualification policy as a service: always the thresholds of the model in use.</summary>
internal sealed class ModelQualificationPolicy(ReloadableEntry<ScoringModelSnapshot> entry) : IQualificationPolicy, IThresholdExplainer
{
    public QualificationResult Qualify(Lead lead, LeadScore score, DateTimeOffset asOf) => entry.Value.Policy.Qualify(lead, score, asOf);

    public void AddDistances(Lead lead, LeadScore score, DateTimeOffset asOf, ICollection<ThresholdDistance> distances)
        => entry.Value.Policy.AddDistances(lead, score, asOf, distances);
}
