using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Temperatures;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>
/// One registered model as it is in use: the compiled model and the policy and classifier from its rule set's
/// thresholds over the registered options. Built and swapped as one value, so a scorer, a funnel guard (the policy)
/// and an assessor of the same model never mix two definitions.
/// </summary>
internal sealed class ScoringModelSnapshot(ScoringModel model, DefaultQualificationPolicy policy, TemperatureClassifier classifier)
{
    public ScoringModel Model { get; } = model;

    public DefaultQualificationPolicy Policy { get; } = policy;

    public TemperatureClassifier Classifier { get; } = classifier;
}
