using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Rules;

/// <summary>A rule that can check its own parameters; <c>Build()</c> collects the problems of every rule.</summary>
internal interface IValidatedRule
{
    /// <summary>Adds a problem for every invalid parameter, with paths under <paramref name="path"/>.</summary>
    void Validate(string path, List<ScoringProblem> problems);
}
