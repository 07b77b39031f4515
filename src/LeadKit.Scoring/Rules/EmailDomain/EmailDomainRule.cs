using System.Collections.Frozen;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Business e-mail versus free mail: <see cref="BusinessPoints"/> when the contact's e-mail domain is not a free-mail
/// domain, <see cref="FreeMailPoints"/> when it is, 0 without an e-mail.
/// </summary>
/// <param name="name">The rule's name, unique within a model.</param>
/// <param name="businessPoints">Points for a business domain; must be finite.</param>
/// <param name="freeMailPoints">Points for a free-mail domain; must be finite.</param>
public sealed class EmailDomainRule(string name, double businessPoints, double freeMailPoints) : IScoringRule
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    /// <value>Defaults to <see cref="ScoreDimension.Fit"/>.</value>
    public ScoreDimension Dimension { get; init; } = ScoreDimension.Fit;

    /// <summary>Gets the points for a business e-mail domain.</summary>
    public double BusinessPoints { get; } = businessPoints;

    /// <summary>Gets the points for a free-mail domain.</summary>
    public double FreeMailPoints { get; } = freeMailPoints;

    /// <summary>Gets the free-mail domains (lower-case).</summary>
    /// <value>Defaults to <see cref="FreeMailDomains.Default"/>.</value>
    public FrozenSet<string> FreeMail { get; init; } = FreeMailDomains.Default;

    /// <inheritdoc />
    public double Evaluate(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return lead.Contact.Email?.Domain is { } domain
            ? FreeMail.Contains(domain) ? FreeMailPoints : BusinessPoints
            : 0;
    }
}
