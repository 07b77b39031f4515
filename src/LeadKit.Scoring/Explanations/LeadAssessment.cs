using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Qualification;

namespace LeadKit.Scoring.Explanations;

/// <summary>Everything known about one lead at one moment: score, temperature, qualification, grade and (on request) the explanation.</summary>
/// <param name="Score">The score.</param>
/// <param name="Temperature">Cold, warm or hot.</param>
/// <param name="Qualification">MQL / SQL / disqualified, with the reason.</param>
/// <param name="Grade">The fit x engagement grade.</param>
/// <param name="ScoreCard">The explanation, or <see langword="null"/> when not requested.</param>
public sealed record LeadAssessment(LeadScore Score, Abstractions.Qualification.Temperature Temperature, QualificationResult Qualification, LeadGrade Grade, ScoreCard? ScoreCard);
