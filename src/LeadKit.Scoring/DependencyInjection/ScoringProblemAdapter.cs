using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>
/// Turns the rule-set reader's and builder's problems into <see cref="ConfigurationProblem"/>s until they report
/// those themselves (issue 18 replaces <see cref="ScoringProblem"/>); then this file goes.
/// </summary>
internal static class ScoringProblemAdapter
{
    public static void AddTo(IEnumerable<ScoringProblem> problems, ICollection<ConfigurationProblem> into)
    {
        foreach (var problem in problems)
        {
            into.Add(new ConfigurationProblem(problem.Path, ConfigurationProblemCodes.InvalidValue, problem.Message));
        }
    }
}
