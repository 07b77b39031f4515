using System.Collections.Immutable;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Gives points by lead source: a referral from an existing customer or a recycled opportunity usually earns
/// points, a purchased list usually costs points. Sources not listed get 0. The look-up is an array index by the
/// source's ordinal.
/// </summary>
public sealed class LeadSourceRule : IScoringRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="name">The rule's name, unique within a model.</param>
    /// <param name="points">Points per source; each must be finite.</param>
    public LeadSourceRule(string name, IEnumerable<KeyValuePair<LeadSource, double>> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        Name = name;
        Points = points.ToImmutableDictionary();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <value>Defaults to <see cref="ScoreDimension.Fit"/>.</value>
    public ScoreDimension Dimension { get; init; } = ScoreDimension.Fit;

    /// <summary>Gets the points per source.</summary>
    public ImmutableDictionary<LeadSource, double> Points { get; }

    /// <inheritdoc />
    public double Evaluate(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Points.TryGetValue(lead.Source, out var points) ? points : 0;
    }

    /// <summary>The points of each source of a model's index (0 for those this rule does not name), for the compiled model.</summary>
    internal double[] PointsBy(VocabularyIndex<LeadSource> sources)
    {
        var table = new double[sources.Count];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = Points.TryGetValue(sources[i], out var points) ? points : 0;
        }

        return table;
    }
}
