using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Explanations;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>A model's temperature classifier as a service: always the thresholds of the model in use.</summary>
internal sealed class ModelTemperatureClassifier(ReloadableEntry<ScoringModelSnapshot> entry) : ITemperatureClassifier, IThresholdExplainer
{
    public Temperature Classify(Lead lead, LeadScore score, DateTimeOffset asOf) => entry.Value.Classifier.Classify(lead, score, asOf);

    public void AddDistances(Lead lead, LeadScore score, DateTimeOffset asOf, ICollection<ThresholdDistance> distances)
        => entry.Value.Classifier.AddDistances(lead, score, asOf, distances);
}
