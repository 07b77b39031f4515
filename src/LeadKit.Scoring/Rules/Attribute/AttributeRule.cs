using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Gives <see cref="Points"/> when <see cref="Condition"/> holds: firmographic and demographic fit (industry,
/// country, company size, seniority, job title), BANT facts, timeframe, consent flags and custom attributes.
/// </summary>
/// <param name="name">The rule's name, unique within a model.</param>
/// <param name="condition">The condition.</param>
/// <param name="points">The points (negative for penalties); must be finite.</param>
public sealed class AttributeRule(string name, AttributeCondition condition, double points) : IScoringRule
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    /// <value>Defaults to <see cref="ScoreDimension.Fit"/>.</value>
    public ScoreDimension Dimension { get; init; } = ScoreDimension.Fit;

    /// <summary>Gets the condition.</summary>
    public AttributeCondition Condition { get; } = condition;

    /// <summary>Gets the points given when the condition holds.</summary>
    public double Points { get; } = points;

    /// <inheritdoc />
    public double Evaluate(Lead lead, DateTimeOffset asOf) => Condition.Matches(lead) ? Points : 0;
}
