using LeadKit.Abstractions.Leads;

namespace LeadKit.Abstractions.Scoring;

/// <summary>
/// One scoring rule: given a lead, the points it contributes to one dimension. Built-in rules and plugin rules
/// implement the same contract. Implementations must be thread-safe and should not allocate.
/// </summary>
public interface IScoringRule
{
    /// <summary>Gets the rule's name, unique within a scoring model; shown in explanations.</summary>
    string Name { get; }

    /// <summary>Gets the dimension the rule scores.</summary>
    ScoreDimension Dimension { get; }

    /// <summary>Computes the rule's raw points for a lead (before group caps), as of <paramref name="asOf"/>.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the score is computed for.</param>
    /// <returns>The points; must be finite. 0 when the rule does not apply.</returns>
    double Evaluate(Lead lead, DateTimeOffset asOf);
}
