using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Qualification;

namespace LeadKit.Scoring.Explanations;

/// <summary>Everything known about one lead at one moment: score, temperature, qualification, grade and (on request) the explanation.</summary>
/// <remarks>Init properties (not a positional record), so a later release can add a finding without breaking callers.</remarks>
public sealed record LeadAssessment
{
    /// <summary>Gets the score.</summary>
    public required LeadScore Score { get; init; }

    /// <summary>Gets the temperature: cold, warm or hot.</summary>
    public required Temperature Temperature { get; init; }

    /// <summary>Gets the qualification: MQL / SQL / disqualified, with the reasons.</summary>
    public required QualificationResult Qualification { get; init; }

    /// <summary>Gets the fit x engagement grade.</summary>
    public required LeadGrade Grade { get; init; }

    /// <summary>Gets the explanation, or <see langword="null"/> when not requested (<see cref="LeadAssessor.Assess"/>).</summary>
    public ScoreCard? ScoreCard { get; init; }
}
