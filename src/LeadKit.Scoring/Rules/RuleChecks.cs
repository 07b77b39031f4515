using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.Rules;

/// <summary>Parameter checks shared by the built-in rules.</summary>
internal static class RuleChecks
{
    /// <summary>The largest absolute number of points one rule may give, so sums stay far from overflow.</summary>
    public const double MaximumPoints = 1_000_000;

    public static void Points(double points, string path, List<ScoringProblem> problems)
    {
        if (!double.IsFinite(points))
        {
            problems.Add(new(path, "must be a finite number"));
        }
        else if (Math.Abs(points) > MaximumPoints)
        {
            problems.Add(new(path, FormattableString.Invariant($"must be between -{MaximumPoints} and {MaximumPoints}")));
        }
    }
}
