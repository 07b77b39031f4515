using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Abstractions.Qualification;

/// <summary>Decides whether a lead is an MQL, an SQL, or disqualified. Implementations must be thread-safe.</summary>
public interface IQualificationPolicy
{
    /// <summary>Qualifies a lead given its score.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="score">The lead's score as of <paramref name="asOf"/>.</param>
    /// <param name="asOf">The moment the decision is made.</param>
    /// <returns>The qualification result.</returns>
    QualificationResult Qualify(Lead lead, LeadScore score, DateTimeOffset asOf);
}
