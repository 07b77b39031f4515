using LeadKit.Abstractions.Leads;

namespace LeadKit.Abstractions.Scoring;

/// <summary>Scores leads. Implementations must be thread-safe.</summary>
public interface ILeadScorer
{
    /// <summary>Scores a lead as of a given moment (signals after <paramref name="asOf"/> are ignored).</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment the score is computed for; decay is measured up to it.</param>
    /// <returns>The score.</returns>
    LeadScore Score(Lead lead, DateTimeOffset asOf);
}
