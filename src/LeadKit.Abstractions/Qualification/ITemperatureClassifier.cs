using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Abstractions.Qualification;

/// <summary>Classifies a lead as cold, warm or hot. Implementations must be thread-safe.</summary>
public interface ITemperatureClassifier
{
    /// <summary>Classifies a lead.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="score">The lead's score as of <paramref name="asOf"/>.</param>
    /// <param name="asOf">The moment the classification is made.</param>
    /// <returns>The temperature.</returns>
    Temperature Classify(Lead lead, LeadScore score, DateTimeOffset asOf);
}
