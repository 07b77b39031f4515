using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Explanations;

/// <summary>
/// Implemented by temperature classifiers and qualification policies that can say how far a lead is from their next
/// threshold; <see cref="LeadAssessor"/> adds these distances to the score card.
/// </summary>
public interface IThresholdExplainer
{
    /// <summary>Adds the points needed to reach each higher threshold the lead has not reached.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="score">The lead's score.</param>
    /// <param name="asOf">The moment.</param>
    /// <param name="distances">Where the distances go.</param>
    void AddDistances(Lead lead, LeadScore score, DateTimeOffset asOf, ICollection<ThresholdDistance> distances);
}
