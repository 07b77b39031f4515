using System.Collections.Immutable;

namespace LeadKit.Scoring.Model;

/// <summary>
/// A scoring model or JSON rule set is invalid. <see cref="Problems"/> lists every problem found, each with its
/// path; nothing was built or changed.
/// </summary>
public sealed class ScoringConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    public ScoringConfigurationException(IEnumerable<ScoringProblem> problems)
        : this([.. problems ?? throw new ArgumentNullException(nameof(problems))])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ScoringConfigurationException()
        : this([new ScoringProblem("$", "the scoring configuration is invalid")])
    {
    }

    /// <summary>Creates the exception with one problem described by <paramref name="message"/>.</summary>
    /// <param name="message">The problem.</param>
    public ScoringConfigurationException(string message)
        : this([new ScoringProblem("$", message)])
    {
    }

    /// <summary>Creates the exception with one problem described by <paramref name="message"/> and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public ScoringConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new ScoringProblem("$", message)];
    }

    private ScoringConfigurationException(ImmutableArray<ScoringProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found.</summary>
    public ImmutableArray<ScoringProblem> Problems { get; }

    private static string Describe(ImmutableArray<ScoringProblem> problems)
        => $"The scoring configuration has {problems.Length} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems);

    /// <summary>Throws when an options class reported problems, each attributed to the options class by name.</summary>
    internal static void ThrowIfAny(IReadOnlyList<string> problems, string optionsName)
    {
        if (problems.Count > 0)
        {
            throw new ScoringConfigurationException(problems.Select(p => new ScoringProblem(optionsName, p)));
        }
    }
}
