using System.Collections.Immutable;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Temperatures;

namespace LeadKit.Scoring.Explanations;

/// <summary>
/// Scores, classifies and qualifies leads in one call, and explains the result with the distance to the next
/// temperature and qualification thresholds. Thread-safe when its parts are (the built-in ones are).
/// </summary>
/// <param name="model">The scoring model.</param>
/// <param name="temperature">The temperature classifier; defaults to <see cref="TemperatureClassifier"/> with default options.</param>
/// <param name="qualification">The qualification policy; defaults to <see cref="DefaultQualificationPolicy"/> with default options.</param>
public sealed class LeadAssessor(ScoringModel model, ITemperatureClassifier? temperature = null, IQualificationPolicy? qualification = null)
{
    private readonly ScoringModel _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly ITemperatureClassifier _temperature = temperature ?? new TemperatureClassifier();
    private readonly IQualificationPolicy _qualification = qualification ?? new DefaultQualificationPolicy();

    /// <summary>Gets the scoring model.</summary>
    public ScoringModel Model => _model;

    /// <summary>Gets the qualification policy the assessor uses (e.g. to guard a funnel with the very same decision).</summary>
    public IQualificationPolicy QualificationPolicy => _qualification;

    /// <summary>Gets the temperature classifier the assessor uses.</summary>
    public ITemperatureClassifier Classifier => _temperature;

    /// <summary>Assesses a lead without an explanation.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment.</param>
    /// <returns>The assessment.</returns>
    public LeadAssessment Assess(Lead lead, DateTimeOffset asOf)
    {
        var score = _model.Score(lead, asOf);
        return Assessment(lead, asOf, score, null);
    }

    /// <summary>Assesses a lead and explains every point, with distances to the next thresholds.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The moment.</param>
    /// <returns>The assessment with its <see cref="LeadAssessment.ScoreCard"/>.</returns>
    public LeadAssessment Explain(Lead lead, DateTimeOffset asOf)
    {
        var card = _model.Explain(lead, asOf);
        var score = card.Score;
        var distances = new List<ThresholdDistance>();
        (_temperature as IThresholdExplainer)?.AddDistances(lead, score, asOf, distances);
        (_qualification as IThresholdExplainer)?.AddDistances(lead, score, asOf, distances);
        card = card with { Distances = [.. distances] };
        return Assessment(lead, asOf, score, card);
    }

    private LeadAssessment Assessment(Lead lead, DateTimeOffset asOf, LeadScore score, ScoreCard? card) => new()
    {
        Score = score,
        Temperature = _temperature.Classify(lead, score, asOf),
        Qualification = _qualification.Qualify(lead, score, asOf),
        Grade = LeadGrade.From(score),
        ScoreCard = card,
    };
}
