using System.Collections.Immutable;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Rules;

/// <summary>
/// Gives points by lead source: a referral from an existing customer or a recycled opportunity usually earns
/// points, a purchased list usually costs points. Sources not listed get 0. The look-up is an array index by the
/// source's ordinal.
/// </summary>
public sealed class LeadSourceRule : IScoringRule, IValidatedRule
{
    private readonly double[] _pointsByOrdinal;

    /// <summary>Creates the rule.</summary>
    /// <param name="name">The rule's name, unique within a model.</param>
    /// <param name="points">Points per source; each must be finite.</param>
    public LeadSourceRule(string name, IEnumerable<KeyValuePair<LeadSource, double>> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        Name = name;
        Points = points.ToImmutableDictionary();
        var max = 0;
        foreach (var source in Points.Keys)
        {
            max = Math.Max(max, source.Ordinal);
        }

        _pointsByOrdinal = new double[max + 1];
        foreach (var (source, value) in Points)
        {
            _pointsByOrdinal[source.Ordinal] = value;
        }
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
        var ordinal = lead.Source.Ordinal;
        return (uint)ordinal < (uint)_pointsByOrdinal.Length ? _pointsByOrdinal[ordinal] : 0;
    }

    /// <summary>Gets the points by source ordinal (0 for sources without points), for the compiled model.</summary>
    internal double[] PointsByOrdinal => _pointsByOrdinal;

    void IValidatedRule.Validate(string path, List<ScoringProblem> problems)
    {
        if (Points.IsEmpty)
        {
            problems.Add(new(path + ".sources", "must give points to at least one source"));
        }

        foreach (var (source, value) in Points)
        {
            if (source.IsDefault)
            {
                problems.Add(new(path + ".sources", "must not contain an unset source"));
            }
            else
            {
                RuleChecks.Points(value, path + ".sources." + source.Value, problems);
            }
        }
    }
}
